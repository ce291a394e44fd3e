#!/usr/bin/env python3
"""Deterministic inputs for benches/scale.sh (nothing random, nothing downloaded).

  generate.py survey N FILE        one survey on the istat.cx core with N extra questions of
                                   every type, half of them routed, in Italian and English
  generate.py agencies N DIR       N conforming agency surveys (istat.cx 2024.1), one a file
  generate.py responses N FILE     N valid responses (JSON Lines) to
                                   tests/contract/inps_hub_prestazioni.rileva
  generate.py xlsform N FILE       the questions of `survey N` as an XLSForm (needs openpyxl),
                                   for pyxform's xls2xform: the same kinds, limits, routing
                                   and both languages
"""
import json
import os
import sys


def question(i):
    """Question i of the large survey: six kinds in turn; every odd one is routed."""
    route = ""
    if i % 2 == 1:
        route = f" show if answered q{i - 1}" if i % 4 == 1 else " show if soddisfazione <= 2 or facilita >= 4"
    kind = i % 6
    if kind == 0:
        return f'question q{i}: scale accordo5 {{ "Domanda {i}?" en "Question {i}?"{route} }}'
    if kind == 1:
        return (f'question q{i}: choice {{ "Scelta {i}?" en "Choice {i}?" 1 "Uno" en "One" '
                f'2 "Due" en "Two" 99 "Altro" en "Other" specify{route} }}')
    if kind == 2:
        return (f'question q{i}: multi {{ "Multipla {i}?" en "Multi {i}?" max 2 1 "Uno" en "One" '
                f'2 "Due" en "Two" 3 "Tre" en "Three"{route} }}')
    if kind == 3:
        return f'question q{i}: number 0..100 {{ "Numero {i}?" en "Number {i}?"{route} }}'
    if kind == 4:
        return f'question q{i}: yesno {{ "Sì o no {i}?" en "Yes or no {i}?"{route} }}'
    return (f'question q{i}: text max 200 {{ "Testo {i}?" en "Text {i}?" '
            f'help "Facoltativo" en "Optional"{route} }}')


def survey(n):
    lines = [
        "import istat.cx", "import istat.scales", "",
        "survey bench.grande {", "  version 1.0.0",
        '  title "Valuta il servizio" en "Rate the service"', "  languages it en",
        '  service "bench" kind istanza_online', "  use istat.cx.core", "  use istat.cx.servizio_online",
    ]
    lines += ["  " + question(i) for i in range(n)]
    lines.append("}")
    return "\n".join(lines) + "\n"


SERVICES = ["certificati", "tributi", "scuola", "mobilita", "rifiuti", "sanita"]


def agency(k):
    """Agency survey k: a comune's online service after the national standard, 5 own questions."""
    service = SERVICES[k % len(SERVICES)]
    return f"""import istat.cx
import istat.scales

/// Comune {k:03d}: the online service {service}, after the national CX standard.
survey comune{k:03d}.{service} {{
  version 1.0.{k % 7}
  title "Valuti il servizio" en "Rate the service"
  languages it en
  agency "c_{k:04d}" kind comune
  service "{service}-{k}" kind istanza_online
  channels web app
  conforms istat.cx 2024.1 profile istanza_online

  use istat.cx.core
  use istat.cx.servizio_online

  section servizio "Il servizio" en "The service" {{
    question pratica: choice {{
      "Per quale pratica ha usato il servizio?" en "What did you use the service for?"
      required
      1 "Domanda" en "Application"
      2 "Pagamento" en "Payment"
      3 "Certificato" en "Certificate"
      99 "Altro" en "Other" specify
    }}
    question copie: number 1..{10 + k % 5} {{
      "Quante pratiche ha completato?" en "How many did you complete?"
      show if efficacia >= 2
    }}
    question canale: multi {{
      "Come ha conosciuto il servizio?" en "How did you learn of the service?"
      1 "Sito" en "Website"
      2 "Sportello" en "Counter"
      3 "Amici" en "Friends"
    }}
    question ritorno: yesno {{ "Lo userebbe di nuovo?" en "Would you use it again?" }}
    question attesa: scale accordo5 {{
      "I tempi erano chiari?" en "Were the times clear?"
      show if soddisfazione <= 2
    }}
  }}
}}
"""


def response(i):
    """Valid response i to the contract's INPS survey (answers vary, all valid)."""
    satisfied = i % 3 != 0
    answers = {"facilita": 1 + i % 5, "informazioni": [1, 2, 3, 4, 5, 9][i % 6], "efficacia": 1 + i % 3,
               "soddisfazione": 3 + i % 2 if satisfied else 1 + i % 2}
    if not satisfied:
        answers["motivi"] = [1, 99] if i % 2 else [2]
        if i % 2:
            answers["motivi_99_text"] = f"Troppi passaggi ({i})"
        answers["documenti"] = 1 + i % 5
    day, second = i % 28, i % 86400
    return {"survey": "inps.hub_prestazioni", "version": "1.0.0",
            "language": "it" if i % 4 else "en", "channel": "web",
            "submitted_at": f"2026-{1 + i % 12:02d}-{1 + day:02d}T{second // 3600:02d}:"
                            f"{second // 60 % 60:02d}:{second % 60:02d}Z",
            "answers": answers}


def xlsform(n, out):
    """The `survey N` questions as XLSForm rows (plus `facilita` and `soddisfazione`, which
    the routing reads and rileva takes from the istat.cx core)."""
    from openpyxl import Workbook

    book = Workbook()
    rows = [["type", "name", "label::it", "label::en", "hint::it", "hint::en", "required",
             "relevant", "constraint"]]
    choices = [["list_name", "name", "label::it", "label::en"]]
    for code in range(1, 6):
        choices.append(["accordo5", code, f"Valore {code}", f"Value {code}"])
    for code, it, en in [(1, "Uno", "One"), (2, "Due", "Two"), (99, "Altro", "Other")]:
        choices.append(["scelta", code, it, en])
    for code, it, en in [(1, "Uno", "One"), (2, "Due", "Two"), (3, "Tre", "Three")]:
        choices.append(["multipla", code, it, en])
    choices += [["yesno", 1, "Sì", "Yes"], ["yesno", 2, "No", "No"]]
    rows.append(["select_one accordo5", "facilita", "Facilità?", "Ease?", "", "", "", "", ""])
    rows.append(["select_one accordo5", "soddisfazione", "Soddisfazione?", "Satisfaction?",
                 "", "", "", "", ""])
    for i in range(n):
        relevant = ""
        if i % 2 == 1:
            relevant = (f"${{q{i - 1}}} != ''" if i % 4 == 1
                        else "${soddisfazione} <= 2 or ${facilita} >= 4")
        kind, name = i % 6, f"q{i}"
        if kind == 0:
            rows.append(["select_one accordo5", name, f"Domanda {i}?", f"Question {i}?", "", "",
                         "", relevant, ""])
        elif kind == 1:
            rows.append(["select_one scelta", name, f"Scelta {i}?", f"Choice {i}?", "", "", "",
                         relevant, ""])
            rows.append(["text", f"{name}_99_text", "Specificare", "Please specify", "", "", "",
                         f"selected(${{{name}}}, '99')", "string-length(.) <= 500"])
        elif kind == 2:
            rows.append(["select_multiple multipla", name, f"Multipla {i}?", f"Multi {i}?", "",
                         "", "", relevant, "count-selected(.) <= 2"])
        elif kind == 3:
            rows.append(["integer", name, f"Numero {i}?", f"Number {i}?", "", "", "", relevant,
                         ". >= 0 and . <= 100"])
        elif kind == 4:
            rows.append(["select_one yesno", name, f"Sì o no {i}?", f"Yes or no {i}?", "", "",
                         "yes", relevant, ""])
        else:
            rows.append(["text", name, f"Testo {i}?", f"Text {i}?", "Facoltativo", "Optional",
                         "", relevant, "string-length(.) <= 200"])
    sheet = book.active
    sheet.title = "survey"
    for row in rows:
        sheet.append(row)
    sheet = book.create_sheet("choices")
    for row in choices:
        sheet.append(row)
    sheet = book.create_sheet("settings")
    sheet.append(["form_title", "form_id", "default_language"])
    sheet.append(["Valuta il servizio", "bench_grande", "it"])
    book.save(out)


def main():
    what, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if what == "survey":
        with open(out, "w", encoding="utf-8") as f:
            f.write(survey(n))
    elif what == "agencies":
        os.makedirs(out, exist_ok=True)
        for k in range(n):
            with open(os.path.join(out, f"comune{k:03d}.rileva"), "w", encoding="utf-8") as f:
                f.write(agency(k))
    elif what == "responses":
        with open(out, "w", encoding="utf-8") as f:
            for i in range(n):
                f.write(json.dumps(response(i), ensure_ascii=False, separators=(",", ":")) + "\n")
    elif what == "xlsform":
        xlsform(n, out)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
