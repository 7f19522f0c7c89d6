#!/usr/bin/env python3
"""Checks the CSV files written by `kinerja_demo_data --write_csv_dir DIR` against the rules the
server enforces and the demo's own promises; also DIR/demo_users.csv when present (written with
--write_demo_users). Usage: verify_csv.py DIR. Exit 0 when all hold."""
import csv
import datetime as dt
import os
import re
import sys
from collections import Counter, defaultdict

STRUCTURAL = {"JPT", "ADMINISTRATOR", "PENGAWAS"}
DEMO_ADMIN_NIP = "199003152015031002"  # kDemoAdminNip in model.h
DEMO_ROLES = ["EMPLOYEE", "SUPERIOR", "OPD_HEAD", "OPD_OPERATOR", "EVALUATOR", "BKPP_ADMIN"]
CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{1,47}$")
errors = []


def fail(msg):
    errors.append(msg)


def read(d, name):
    with open(f"{d}/{name}", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def day(s):
    return dt.date.fromisoformat(s)


def nip_problem(nip):
    if not re.fullmatch(r"\d{18}", nip):
        return "not 18 digits"
    try:
        birth = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return "birth date invalid"
    ay, am = int(nip[8:12]), int(nip[12:14])
    if not (1 <= am <= 12) or ay < 1900:
        return "appointment month invalid"
    # At least 18 years after birth (compared by month, as the NIP only has the month).
    if (ay * 12 + am) - (birth.year * 12 + birth.month) <= 18 * 12:
        return "appointment less than 18 years after birth"
    if nip[14] not in "12":
        return "gender digit"
    return None


def main(d):
    opds = {r["code"]: r for r in read(d, "opds.csv")}
    units = read(d, "units.csv")
    positions = {r["code"]: r for r in read(d, "positions.csv")}
    employees = read(d, "employees.csv")
    transfers = read(d, "transfers.csv")
    acting = read(d, "acting.csv")

    for code in opds:
        if not CODE.fullmatch(code) or len(code) > 32:
            fail(f"OPD code {code}")
    unit_keys = set()
    for u in units:
        if not CODE.fullmatch(u["code"]) or u["opd"] not in opds:
            fail(f"unit {u}")
        if u["parent_unit"] and (u["opd"], u["parent_unit"]) not in unit_keys:
            fail(f"unit {u['code']} before its parent")
        unit_keys.add((u["opd"], u["code"]))
    seen = set()
    for code, p in positions.items():
        if not CODE.fullmatch(code) or p["opd"] not in opds:
            fail(f"position {code}")
        if p["unit"] and (p["opd"], p["unit"]) not in unit_keys:
            fail(f"position {code}: unknown unit")
        if p["superior_position"] and p["superior_position"] not in seen:
            fail(f"position {code} before its superior")
        if not p["superior_position"] and code != "SEKDA":
            fail(f"position {code} has no superior")
        seen.add(code)

    # First load: one row per NIP, valid NIPs, dates in range.
    person = {}
    for r in employees:
        nip = r["nip"]
        if nip in person:
            fail(f"duplicate NIP {nip}")
        person[nip] = r
        if (p := nip_problem(nip)):
            fail(f"NIP {nip}: {p}")
        if r["kode_jabatan"] not in positions or r["jenis_mutasi"] != "AWAL":
            fail(f"row {nip}: position/reason")
        start = day(r["tmt_jabatan"])
        appointed = dt.date(int(nip[8:12]), int(nip[12:14]), 1)
        if not (appointed <= start <= dt.date(2024, 1, 1)):
            fail(f"row {nip}: tmt {start} outside [{appointed}, 2024-01-01]")
        if r["jenis_asn"] not in ("PNS", "PPPK") or r["status"] not in ("AKTIF", "NONAKTIF"):
            fail(f"row {nip}: type/status")
        if not r["nama"] or len(r["nama"].encode()) > 200:
            fail(f"row {nip}: nama")

    # Spans per NIP: the first assignment, then the later row closes it the day before.
    spans = defaultdict(list)  # nip -> [(position, start, end or None)]
    for r in employees:
        spans[r["nip"]].append([r["kode_jabatan"], day(r["tmt_jabatan"]), None])
    for r in transfers:
        nip = r["nip"]
        if nip not in person:
            fail(f"transfer of unknown NIP {nip}")
            continue
        first = person[nip]
        if (r["nama"], r["jenis_asn"], r["status"]) != (first["nama"], first["jenis_asn"], first["status"]):
            fail(f"transfer {nip}: person data differs from the first row")
        when = day(r["tmt_jabatan"])
        if not (dt.date(2025, 1, 1) <= when <= dt.date(2026, 10, 1)):
            fail(f"transfer {nip}: date {when}")
        last = spans[nip][-1]
        if when <= last[1]:
            fail(f"transfer {nip}: not after the current start")
        if r["kode_jabatan"] == last[0]:
            fail(f"transfer {nip}: same position")
        new = positions.get(r["kode_jabatan"])
        if new is None:
            fail(f"transfer {nip}: unknown position")
            continue
        if r["jenis_mutasi"] == "MUTASI":
            if new["kind"] != "PELAKSANA" or new["opd"] == positions[last[0]]["opd"]:
                fail(f"transfer {nip}: MUTASI not to another OPD's Pelaksana")
        elif r["jenis_mutasi"] == "PROMOSI":
            if new["kind"] not in STRUCTURAL:
                fail(f"transfer {nip}: PROMOSI into a non-structural position")
        else:
            fail(f"transfer {nip}: reason {r['jenis_mutasi']}")
        last[2] = when - dt.timedelta(days=1)
        spans[nip].append([r["kode_jabatan"], when, None])
    if len(set(r["nip"] for r in transfers)) != len(transfers):
        fail("a NIP has more than one transfer row")

    # Structural positions: never two holders on one day; who holds what, when.
    holders = defaultdict(list)  # position -> [(nip, start, end)]
    for nip, ss in spans.items():
        for pos, start, end in ss:
            holders[pos].append((nip, start, end))
    far = dt.date(9999, 12, 31)
    for code, p in positions.items():
        if p["kind"] not in STRUCTURAL:
            continue
        hs = sorted(holders.get(code, []), key=lambda h: h[1])
        for a, b in zip(hs, hs[1:]):
            if (a[2] or far) >= b[1]:
                fail(f"position {code}: {a[0]} and {b[0]} overlap")

    def holds(nip, code, start, end):
        return any(pos == code and s <= start and (e or far) >= end for pos, s, e in spans[nip])

    def vacant(code, start, end):
        return not any(s <= end and (e or far) >= start for _, s, e in holders.get(code, []))

    def held(code, start, end):
        return any(s <= start and (e or far) >= end for _, s, e in holders.get(code, []))

    initially_vacant = [c for c, p in positions.items()
                        if p["kind"] in STRUCTURAL and not any(s <= dt.date(2024, 1, 1) for _, s, _ in holders.get(c, []))]
    plt_positions = set()
    by_position = defaultdict(list)
    for a in acting:
        code, nip = a["kode_jabatan"], a["nip"]
        start, end = day(a["mulai"]), day(a["selesai"])
        p = positions.get(code)
        if p is None or p["kind"] not in STRUCTURAL or nip not in person:
            fail(f"acting {a}: unknown or non-structural")
            continue
        if start.year != 2026 or end.year != 2026 or end < start:
            fail(f"acting {a}: range")
        own = [pos for pos, s, e in spans[nip] if s <= start and (e or far) >= end]
        if len(own) != 1 or positions[own[0]]["kind"] not in STRUCTURAL or positions[own[0]]["opd"] != p["opd"]:
            fail(f"acting {a}: acting person does not hold a structural position of the OPD throughout")
        if a["jenis"] == "PLT":
            plt_positions.add(code)
            if not vacant(code, start, end):
                fail(f"acting {a}: PLT on a position that has a holder")
        elif a["jenis"] == "PLH":
            if not (3 <= (end - start).days + 1 <= 14) or not held(code, start, end):
                fail(f"acting {a}: PLH range or holder")
        else:
            fail(f"acting {a}: kind")
        for s, e in by_position[code]:
            if s <= end and e >= start:
                fail(f"acting on {code}: overlapping registrations")
        by_position[code].append((start, end))
    for code in initially_vacant:
        if code not in plt_positions:
            fail(f"vacant position {code} has no PLT")

    # The demo administrator: a PNS of BKPP, active, never transferred.
    admin = person.get(DEMO_ADMIN_NIP)
    if admin is None:
        fail(f"the demo administrator {DEMO_ADMIN_NIP} is not an employee")
    elif (positions[admin["kode_jabatan"]]["opd"] != "BKPP" or admin["status"] != "AKTIF"
          or admin["jenis_asn"] != "PNS" or any(r["nip"] == DEMO_ADMIN_NIP for r in transfers)):
        fail(f"the demo administrator {DEMO_ADMIN_NIP} is not an active PNS of BKPP staying there")

    if os.path.exists(f"{d}/demo_users.csv"):
        check_demo_users(read(d, "demo_users.csv"), person, positions, transfers, acting)

    kinds = Counter(p["kind"] for p in positions.values())
    print(f"OPDs {len(opds)}, units {len(units)}, positions {len(positions)} {dict(kinds)}")
    print(f"employees {len(employees)} (PPPK {sum(r['jenis_asn'] == 'PPPK' for r in employees)}, "
          f"NONAKTIF {sum(r['status'] == 'NONAKTIF' for r in employees)}), transfers {len(transfers)} "
          f"{dict(Counter(r['jenis_mutasi'] for r in transfers))}, acting {dict(Counter(a['jenis'] for a in acting))}, "
          f"initially vacant {len(initially_vacant)}")
    for e in errors[:50]:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 0 if not errors else 1


def check_demo_users(users, person, positions, transfers, acting):
    by_role = {u["role"]: u for u in users}
    if [u["role"] for u in users] != DEMO_ROLES:
        fail(f"demo users: roles {[u['role'] for u in users]}, expected {DEMO_ROLES}")
        return
    nips = [u["nip"] for u in users]
    if len(set(nips)) != len(nips) or DEMO_ADMIN_NIP in nips:
        fail("demo users: not six different people besides the demo administrator")
    moved = {r["nip"] for r in transfers}
    touched = {r["kode_jabatan"] for r in transfers} | {a["kode_jabatan"] for a in acting}
    pos = {}
    for u in users:
        e = person.get(u["nip"])
        if e is None or e["nama"] != u["name"]:
            fail(f"demo user {u}: not an employee of that name")
            return
        pos[u["role"]] = positions[e["kode_jabatan"]]
        p = pos[u["role"]]
        if e["status"] != "AKTIF" or u["nip"] in moved:
            fail(f"demo user {u}: not active, or transferred")
        if p["kind"] in STRUCTURAL and p["code"] in touched:
            fail(f"demo user {u}: holds a position that a transfer or an acting registration touches")
    if pos["EMPLOYEE"]["kind"] != "PELAKSANA" or pos["SUPERIOR"]["kind"] != "PENGAWAS":
        fail("demo users: EMPLOYEE is no Pelaksana, or SUPERIOR no Pengawas")
    if pos["EMPLOYEE"]["superior_position"] != pos["SUPERIOR"]["code"]:
        fail("demo users: SUPERIOR does not hold the EMPLOYEE's superior position")
    head = pos["OPD_HEAD"]
    sup = positions.get(head["superior_position"])
    if sup is not None and sup["opd"] == head["opd"]:
        fail("demo users: OPD_HEAD does not head an OPD")
    if not (pos["EMPLOYEE"]["opd"] == pos["OPD_OPERATOR"]["opd"] == head["opd"]):
        fail("demo users: EMPLOYEE, OPD_OPERATOR and OPD_HEAD are not of one OPD")
    if pos["BKPP_ADMIN"]["opd"] != "BKPP":
        fail("demo users: BKPP_ADMIN does not work at BKPP")
    print("demo users: " + ", ".join(f"{r} {by_role[r]['nip']} ({pos[r]['opd']})" for r in DEMO_ROLES))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
