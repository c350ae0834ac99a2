// Hand-made PDFs for the reader's tests: objects in, a file with a correct
// cross-reference table out.
#ifndef MOTIEARCHIEF_TESTS_READER_PDF_BUILDER_H_
#define MOTIEARCHIEF_TESTS_READER_PDF_BUILDER_H_

#include <cstdio>
#include <string>
#include <vector>

namespace motiearchief::testing_pdf {

// A PDF of `objects`, numbered from 1 in order; object 1 is the catalog.
inline std::string PdfFromObjects(const std::vector<std::string>& objects) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace motiearchief::testing_pdf

#endif  // MOTIEARCHIEF_TESTS_READER_PDF_BUILDER_H_
