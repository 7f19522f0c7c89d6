// Builds the organisation of Kota Semarang from the tables in semarang_data.h: the OPDs, their unit
// trees and the position tree. SETDA comes first with SEKDA at the top of the city; every OPD head
// reports to SEKDA except the Kepala Bagian of the Setda, who report to an Asisten.
//
// Codes: units are named by kind and a counter inside their OPD ("BIDANG-2", "SEKSI-7",
// "KEL-SEKAYU"); positions are "{OPD}-{abbreviation}-{n}" ("DISHUB-KABID-1", "DISHUB-KASI-3"),
// formations "{OPD}-PLK-{n}" (Pelaksana) and "{OPD}-JF-{n}" (Fungsional).
#ifndef KINERJA_TOOLS_DEMO_DATA_ORG_H_
#define KINERJA_TOOLS_DEMO_DATA_ORG_H_

#include <cstdint>
#include <vector>

#include "tools/demo_data/model.h"

namespace kinerja::demo {

// Fills data->opds, data->units and data->positions (parents and superiors first). Returns, per
// OPD (same order as data->opds), the relative number of non-structural staff it should get.
// Involves no randomness.
std::vector<int64_t> BuildOrganisation(DemoData* data);

}  // namespace kinerja::demo

#endif  // KINERJA_TOOLS_DEMO_DATA_ORG_H_
