#!/usr/bin/env python3
"""The benchmark's do-it-yourself baseline for a notice batch (run by incident-bench, never by tests).

What a privacy team might script instead of `incident notice draft --all` + `notice export --all --format eml`:
read the incident, its affected customers and our own details from the register with Python's sqlite3, render
one notice per customer with jinja2 (text and HTML), build each message with email.message.EmailMessage and
write it as a .eml file, then sync the folder once. No hash chain, no checks, no stored drafts.

    python3 scripts/bench-notices.py REGISTER.sqlite INCIDENT-ID OUT-FOLDER
"""
import json
import os
import sqlite3
import sys
from email.message import EmailMessage
from email.utils import formatdate

import jinja2

TEXT = """Dear {{ customer.name }},

we are writing under section 9 of our data processing agreement to tell you about a personal data breach
that affects data we process on your behalf.

## What happened

{{ incident.title }}: {{ incident.nature }}

## When

We became aware of it on {{ incident.aware_at }}. Your notice is due by {{ share.due_by }}.

## Data concerned

Categories of data: {{ share.data_categories | join(", ") or "still being established" }}.
Categories of data subjects: {{ share.subject_categories | join(", ") or "still being established" }}.
Approximate number of records: {{ share.records or "still being established" }}.

## What we are doing

{% for action in actions %}- {{ action }}
{% endfor %}
## Contact

{{ org.name }}, {{ org.email }}
"""

HTML = """<!doctype html>
<html lang="{{ customer.language }}"><head><meta charset="utf-8"><title>{{ subject }}</title></head>
<body>
<p>Dear {{ customer.name }},</p>
<p>we are writing under section 9 of our data processing agreement to tell you about a personal data breach
that affects data we process on your behalf.</p>
<h2>What happened</h2><p>{{ incident.title }}: {{ incident.nature }}</p>
<h2>When</h2><p>We became aware of it on {{ incident.aware_at }}. Your notice is due by {{ share.due_by }}.</p>
<h2>Data concerned</h2>
<p>Categories of data: {{ share.data_categories | join(", ") or "still being established" }}.<br>
Categories of data subjects: {{ share.subject_categories | join(", ") or "still being established" }}.<br>
Approximate number of records: {{ share.records or "still being established" }}.</p>
<h2>What we are doing</h2><ul>{% for action in actions %}<li>{{ action }}</li>{% endfor %}</ul>
<h2>Contact</h2><p>{{ org.name }}, {{ org.email }}</p>
</body></html>
"""


def main(register, incident_id, out):
    db = sqlite3.connect(f"file:{register}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    incident = db.execute("SELECT * FROM incidents WHERE id = ?", (incident_id,)).fetchone()
    actions = [row["text"] for row in db.execute("SELECT * FROM actions WHERE incident_id = ? ORDER BY event_number", (incident_id,))]
    org = json.loads(db.execute("SELECT body FROM organisation").fetchone()["body"])
    contact = {"name": org.get("name", "Processor"), "email": org.get("email") or "privacy@processor.example"}
    environment = jinja2.Environment(autoescape=False)
    text, html = environment.from_string(TEXT), jinja2.Environment(autoescape=True).from_string(HTML)
    os.makedirs(out, exist_ok=True)
    rows = db.execute(
        "SELECT s.*, c.name AS customer_name, c.emails, c.language FROM shares s JOIN customers c ON c.slug = s.customer "
        "WHERE s.incident_id = ? ORDER BY s.position", (incident_id,))
    for row in rows:
        customer = {"name": row["customer_name"], "language": row["language"]}
        share = {"due_by": row["due_by"], "records": row["records"],
                 "data_categories": json.loads(row["data_categories"]),
                 "subject_categories": json.loads(row["subject_categories"])}
        subject = f"{incident_id}: personal data breach notice for {customer['name']}"
        values = dict(customer=customer, share=share, incident=dict(incident), actions=actions, org=contact, subject=subject)
        message = EmailMessage()
        message["From"] = f"{contact['name']} <{contact['email']}>"
        message["To"] = ", ".join(json.loads(row["emails"]))
        message["Subject"] = subject
        message["Date"] = formatdate(localtime=False)
        message["Message-ID"] = f"<{incident_id}.{row['customer']}.v1@processor.example>"
        message["X-Unsent"] = "1"
        message.set_content(text.render(values), cte="quoted-printable")
        message.add_alternative(html.render(values), subtype="html", cte="quoted-printable")
        with open(os.path.join(out, f"{incident_id}-{row['customer']}-v1.eml"), "wb") as file:
            file.write(bytes(message))
    # One sync for the batch, as incident does.
    folder = os.open(out, os.O_RDONLY)
    os.fsync(folder)
    os.close(folder)


if __name__ == "__main__":
    main(*sys.argv[1:4])
