# Writes OUT: the gazetteer CSV files of DATA as C++ string constants.
file(READ "${DATA}/gemeenten.csv" gemeenten)
file(READ "${DATA}/opgeheven.csv" opgeheven)
file(WRITE "${OUT}.tmp" "// Generated from data/*.csv by embed_gazetteer.cmake. Do not edit.
namespace motiearchief::extractors {
extern const char* const kGemeentenCsv;
extern const char* const kOpgehevenCsv;
const char* const kGemeentenCsv = R\"motiearchief_csv(${gemeenten})motiearchief_csv\";
const char* const kOpgehevenCsv = R\"motiearchief_csv(${opgeheven})motiearchief_csv\";
}  // namespace motiearchief::extractors
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
