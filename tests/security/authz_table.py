"""Who gets what: the expected answer of every URL, for every persona, own and foreign.

Read with tests/security/scenario.py (the people and objects) and checked by
tests/security/test_authz_table.py, which walks every URL pattern the project
resolves: a pattern without a row here fails the suite and prints the row to add.

A row, keyed by the URL's name:
- "kwargs": which scenario object fills each argument of the route
  ("group", "canvas", "draft", "version_number", "thread", "comment", "mentor",
  "assignment", "cohort", "notification", "newcomer", "uidb64", "token");
- "post" (optional): the body of the POST, "{name}" standing for the same side's
  id (a body that would succeed for whoever has the right, so a refusal means
  something);
- "GET own", "POST own": the answers with group A's objects (the south);
  "GET foreign", "POST foreign": with group B's (the north); "GET mixed", "POST
  mixed": the first object A's, the others B's; "GET"/"POST" for a URL
  without objects (its POST body uses the south's ids).

A cell is one persona's answer, in the order of the header: the status code,
or "login" for a redirect to the sign-in page; "+" after it means the watched
tables changed (tests/security/snapshot.py). Outsiders get 404, insiders
without the right 403; a GET never writes (GET_WRITES lists the exceptions
and why); a refused request never writes; a 500 is never a valid answer.
"""

# anon: not signed in; ldr_a/mbr_a: leader and member of group A (south);
# ldr_b: leader of group B (north); mtr_a: mentor assigned to A; mtr_x: a southern
# mentor not assigned to A or B; stf_s/stf_n: regional staff of the south/north;
# natl: national staff.
HEADER = "anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl"

# Route prefixes the walk leaves out, and why.
SKIPPED = {
    "admin/": "Django's admin site: guarded by is_staff/is_superuser, not by the portal's rules",
    "i18n/": "Django's language switch (set_language): stores a preference, reads no data",
    "static/": "static files: served by WhiteNoise outside the URL patterns, no data",
}

# GETs that may write, and why.
GET_WRITES = {
    "accounts:notification_open": "opening one's own notification marks it read (recipient only)",
    "canvases:version_review": (
        "a reviewer's first look at a version waiting for review is recorded on the version "
        "(from then on its leaders cannot withdraw it); readers who do not review write nothing"
    ),
}

NEW_PASSWORD = "Kr4bi-mangrove-2568"
BLOCKS = {
    "customer_segments": "นักท่องเที่ยว",
    "value_propositions": "ล่องคลอง",
    "channels": "เพจ",
    "customer_relationships": "ดูแลเหมือนญาติ",
    "revenue_streams": "ค่าล่องเรือ",
    "key_resources": "ป่าชายเลน",
    "key_activities": "พาเที่ยว",
    "key_partners": "อบต.",
    "cost_structure": "ค่าน้ำมัน",
}

# fmt: off
ROWS = {
    "home": {  # /
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  200    200    200    200    200    302    302    302",
        "POST":          "login  200    200    200    200    200    302    302    302",
    },
    "healthz": {  # /healthz
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "200    200    200    200    200    200    200    200    200",
        "POST":          "200    200    200    200    200    200    200    200    200",
    },
    "floor": {  # /floor
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "200    200    200    200    200    200    200    200    200",
        "POST":          "200    200    200    200    200    200    200    200    200",
    },
    "accounts:login": {  # /accounts/login/
        "kwargs": {},
        "post": {"username": "sec_leader_a", "password": "not-the-password"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "200    302    302    302    302    302    302    302    302",
        "POST":          "200    302    302    302    302    302    302    302    302",
    },
    "accounts:logout": {  # /accounts/logout/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "405    405    405    405    405    405    405    405    405",
        "POST":          "login  login  login  login  login  login  login  login  login",
    },
    "accounts:password_change": {  # /accounts/password/
        "kwargs": {},
        "post": {
            "old_password": "test-pass-9571",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  200    200    200    200    200    200    200    200",
        "POST":          "login  302+   302+   302+   302+   302+   302+   302+   302+",
    },
    "accounts:password_changed": {  # /accounts/password/done/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  302    302    302    302    302    302    302    302",
        "POST":          "login  302    302    302    302    302    302    302    302",
    },
    "accounts:set_password": {  # /accounts/set-password/<uidb64>/<token>/
        "kwargs": {"uidb64": "uidb64", "token": "token"},
        "post": {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "302    302    302    302    302    302    302    302    302",
        "POST own":      "302    302    302    302    302    302    302    302    302",
        "GET foreign":   "302    302    302    302    302    302    302    302    302",
        "POST foreign":  "302    302    302    302    302    302    302    302    302",
        "GET mixed":     "200    200    200    200    200    200    200    200    200",
        "POST mixed":    "200    200    200    200    200    200    200    200    200",
    },
    "accounts:password_set": {  # /accounts/set-password/done/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "302    302    302    302    302    302    302    302    302",
        "POST":          "302    302    302    302    302    302    302    302    302",
    },
    "accounts:notifications": {  # /accounts/notifications/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  200    200    200    200    200    200    200    200",
        "POST":          "login  200    200    200    200    200    200    200    200",
    },
    "accounts:notification_open": {  # /accounts/notifications/<int:pk>/
        "kwargs": {"pk": "notification"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  302+   404    404    404    404    404    404    404",
        "POST own":      "login  302+   404    404    404    404    404    404    404",
        "GET foreign":   "login  404    404    302+   404    404    404    404    404",
        "POST foreign":  "login  404    404    302+   404    404    404    404    404",
    },
    "accounts:notifications_mark_all_read": {  # /accounts/notifications/read-all/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  405    405    405    405    405    405    405    405",
        "POST":          "login  302+   302    302+   302+   302    302    302    302",
    },
    "communities:group_list": {  # /groups/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    404    404    200    200    200",
        "POST":          "login  404    404    404    404    404    200    200    200",
    },
    "communities:group_create": {  # /groups/new/
        "kwargs": {},
        "post": {"name": "กลุ่มใหม่", "tambon": "{tambon_code}", "kind": "group"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    404    404    200    200    200",
        "POST":          "login  404    404    404    404    404    302+   200    302+",
    },
    "communities:group_detail": {  # /groups/<int:pk>/
        "kwargs": {"pk": "group"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    404    404    200    404    200",
        "POST own":      "login  200    200    404    404    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "communities:group_edit": {  # /groups/<int:pk>/edit/
        "kwargs": {"pk": "group"},
        "post": {"name": "กลุ่มเปลี่ยนชื่อ", "tambon": "{tambon_code}", "kind": "group"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  403    403    404    404    404    200    404    200",
        "POST own":      "login  403    403    404    404    404    302+   404    302+",
        "GET foreign":   "login  404    404    403    404    404    404    200    200",
        "POST foreign":  "login  404    404    403    404    404    404    302+   302+",
    },
    "communities:group_description": {  # /groups/<int:pk>/description/
        "kwargs": {"pk": "group"},
        "post": {"description": "คำอธิบายใหม่ของกลุ่ม"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    403    404    404    404    200    404    200",
        "POST own":      "login  302+   403    404    404    404    302+   404    302+",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    302+   404    404    404    302+   302+",
    },
    "communities:person_add": {  # /groups/<int:pk>/people/new/
        "kwargs": {"pk": "group"},
        "post": {"display_name": "คนใหม่", "phone": "081-555-0101", "role": "member"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  403    403    404    404    404    200    404    200",
        "POST own":      "login  403    403    404    404    404    302+   404    302+",
        "GET foreign":   "login  404    404    403    404    404    404    200    200",
        "POST foreign":  "login  404    404    403    404    404    404    302+   302+",
    },
    "communities:person_link": {  # /groups/<int:pk>/people/<int:user_pk>/link/
        "kwargs": {"pk": "group", "user_pk": "newcomer"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  403    403    404    404    404    403    404    200",
        "POST own":      "login  403    403    404    404    404    403    404    200",
        "GET foreign":   "login  404    404    403    404    404    404    403    200",
        "POST foreign":  "login  404    404    403    404    404    404    403    200",
        "GET mixed":     "login  403    403    404    404    404    404    404    404",
        "POST mixed":    "login  403    403    404    404    404    404    404    404",
    },
    "communities:tambon_search": {  # /groups/places/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  200    200    200    200    200    200    200    200",
        "POST":          "login  200    200    200    200    200    200    200    200",
    },
    "canvases:group_list": {  # /canvases/group/<int:group_pk>/
        "kwargs": {"group_pk": "group"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "canvases:create": {  # /canvases/group/<int:group_pk>/new/
        "kwargs": {"group_pk": "group"}, "post": {"title": "แผนใหม่"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    403    404    403    404    403    404    403",
        "POST own":      "login  302+   403    404    403    404    403    404    403",
        "GET foreign":   "login  404    404    200    404    404    404    403    403",
        "POST foreign":  "login  404    404    302+   404    404    404    403    403",
    },
    "canvases:queue": {  # /canvases/queue/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    200    200    200    200    200",
        "POST":          "login  404    404    404    200    200    200    200    200",
    },
    "canvases:detail": {  # /canvases/<int:pk>/
        "kwargs": {"pk": "canvas"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "canvases:save": {  # /canvases/<int:pk>/save/
        "kwargs": {"pk": "draft"},
        "post": {"base_revision": "{draft_revision}", "save_id": "sec-save"} | BLOCKS,
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "405    405    405    405    405    405    405    405    405",
        "POST own":      "login  302+   403    404    403    404    403    404    403",
        "GET foreign":   "405    405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302+   404    404    404    403    403",
    },
    "canvases:submit": {  # /canvases/<int:pk>/submit/
        "kwargs": {"pk": "draft"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  302+   403    404    403    404    403    404    403",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302+   404    404    404    403    403",
    },
    "canvases:submit_confirm": {  # /canvases/<int:pk>/submit/confirm/
        "kwargs": {"pk": "draft"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    403    404    403    404    403    404    403",
        "POST own":      "login  405    405    405    405    405    405    405    405",
        "GET foreign":   "login  404    404    200    404    404    404    403    403",
        "POST foreign":  "login  405    405    405    405    405    405    405    405",
    },
    "canvases:withdraw": {  # /canvases/<int:pk>/withdraw/
        "kwargs": {"pk": "canvas"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  302+   403    404    403    404    403    404    403",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302+   404    404    404    403    403",
    },
    "canvases:revise": {  # /canvases/<int:pk>/revise/
        "kwargs": {"pk": "canvas"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  302    403    404    403    404    403    404    403",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302    404    404    404    403    403",
    },
    "canvases:review": {  # /canvases/<int:pk>/review/
        "kwargs": {"pk": "canvas"},
        "post": {"decision": "request_changes", "summary": "เพิ่มช่องทาง", "version": "1"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  403    403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    403    404    404    404    302+   302+",
    },
    "canvases:history": {  # /canvases/<int:pk>/versions/
        "kwargs": {"pk": "canvas"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "canvases:version": {  # /canvases/<int:pk>/versions/<int:number>/
        "kwargs": {"pk": "canvas", "number": "version_number"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "canvases:version_review": {  # /canvases/<int:pk>/versions/<int:number>/review/
        "kwargs": {"pk": "canvas", "number": "version_number"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200+   404    200+   404    200+",
        "POST own":      "login  200    200    404    200+   404    200+   404    200+",
        "GET foreign":   "login  404    404    200    404    404    404    200+   200+",
        "POST foreign":  "login  404    404    200    404    404    404    200+   200+",
    },
    # /canvases/<int:pk>/versions/<int:number>/review/blocks/<str:key>/
    "canvases:review_block_threads": {
        "kwargs": {"pk": "canvas", "number": "version_number", "key": "block_key"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  405    405    405    405    405    405    405    405",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  405    405    405    405    405    405    405    405",
    },
    "canvases:thread": {  # /canvases/<int:pk>/threads/<int:thread_pk>/
        "kwargs": {"pk": "canvas", "thread_pk": "thread"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  405    405    405    405    405    405    405    405",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  405    405    405    405    405    405    405    405",
        "GET mixed":     "login  404    404    404    404    404    404    404    404",
        "POST mixed":    "login  405    405    405    405    405    405    405    405",
    },
    "canvases:comment_create": {  # /canvases/<int:pk>/comments/
        "kwargs": {"pk": "canvas"},
        "post": {"version": "{version}", "block": "key_partners", "body": "ความเห็นใหม่"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  403    403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    403    404    404    404    302+   302+",
    },
    "canvases:comment_edit": {  # /canvases/<int:pk>/comments/<int:comment_pk>/edit/
        "kwargs": {"pk": "canvas", "comment_pk": "comment"},
        "post": {"body": "แก้ความเห็น"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  403    403    404    200    404    403    404    403",
        "POST own":      "login  403    403    404    302+   404    403    404    403",
        "GET foreign":   "login  404    404    403    404    404    404    403    403",
        "POST foreign":  "login  404    404    403    404    404    404    403    403",
        "GET mixed":     "login  404    404    404    404    404    404    404    404",
        "POST mixed":    "login  404    404    404    404    404    404    404    404",
    },
    "canvases:thread_reply": {  # /canvases/<int:pk>/threads/<int:thread_pk>/reply/
        "kwargs": {"pk": "canvas", "thread_pk": "thread"},
        "post": {"body": "ตอบกลับ"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  302+   403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302+   404    404    404    302+   302+",
        "GET mixed":     "login  405    405    405    405    405    405    405    405",
        "POST mixed":    "login  404    403    404    404    404    404    404    404",
    },
    "canvases:thread_resolve": {  # /canvases/<int:pk>/threads/<int:thread_pk>/resolve/
        "kwargs": {"pk": "canvas", "thread_pk": "thread"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  302+   403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302+   404    404    404    302+   302+",
        "GET mixed":     "login  405    405    405    405    405    405    405    405",
        "POST mixed":    "login  404    403    404    404    404    404    404    404",
    },
    "canvases:thread_reopen": {  # /canvases/<int:pk>/threads/<int:thread_pk>/reopen/
        "kwargs": {"pk": "canvas", "thread_pk": "thread"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  302    403    404    302    404    302    404    302",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302    404    404    404    302    302",
        "GET mixed":     "login  405    405    405    405    405    405    405    405",
        "POST mixed":    "login  404    403    404    404    404    404    404    404",
    },
    "canvases:subject_thread_open": {  # /canvases/threads/on/<slug:kind>/<int:object_pk>/
        "kwargs": {"kind": "plan_kind", "object_pk": "group"},
        "post": {"topic": "policy", "body": "เชื่อมกับแผนของ อบต."},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  403    403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    403    404    404    404    302+   302+",
    },
    "canvases:subject_thread_reply": {  # /canvases/threads/<int:thread_pk>/reply/
        "kwargs": {"thread_pk": "plan_thread"},
        "post": {"body": "จะจัดอบรมเดือนหน้า"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  302+   403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302+   404    404    404    302+   302+",
    },
    "canvases:subject_thread_resolve": {  # /canvases/threads/<int:thread_pk>/resolve/
        "kwargs": {"thread_pk": "plan_thread"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  302+   403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302+   404    404    404    302+   302+",
    },
    "canvases:subject_thread_reopen": {  # /canvases/threads/<int:thread_pk>/reopen/
        "kwargs": {"thread_pk": "plan_thread"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  302    403    404    302    404    302    404    302",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302    404    404    404    302    302",
    },
    "canvases:subject_comment_edit": {  # /canvases/threads/comments/<int:comment_pk>/edit/
        "kwargs": {"comment_pk": "plan_comment"},
        "post": {"body": "แก้ความเห็นเรื่องแผน"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  403    403    404    200    404    403    404    403",
        "POST own":      "login  403    403    404    302+   404    403    404    403",
        "GET foreign":   "login  404    404    403    404    404    404    403    403",
        "POST foreign":  "login  404    404    403    404    404    404    403    403",
    },
    "canvases:compare": {  # /canvases/<int:pk>/compare/
        "kwargs": {"pk": "canvas"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "canvases:print": {  # /canvases/<int:pk>/print/
        "kwargs": {"pk": "canvas"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "canvases:pdf": {  # /canvases/<int:pk>/pdf/
        "kwargs": {"pk": "canvas"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "mentors:mentor_list": {  # /mentors/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    404    404    200    200    200",
        "POST":          "login  404    404    404    404    404    200    200    200",
    },
    "mentors:mentor_create": {  # /mentors/new/
        "kwargs": {},
        "post": {
            "display_name": "พี่เลี้ยงใหม่",
            "phone": "081-555-0202",
            "home_province": "{province}",
            "provinces": ["{province}"],
            "is_active": "on",
        },
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    404    404    200    200    404",
        "POST":          "login  404    404    404    404    404    302+   200    404",
    },
    "mentors:me": {  # /mentors/me/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    302    302    404    404    404",
        "POST":          "login  404    404    404    302    302    404    404    404",
    },
    "mentors:mentor_detail": {  # /mentors/<int:pk>/
        "kwargs": {"pk": "mentor"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    200    404    200    404    200",
        "POST own":      "login  404    404    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    200    200",
    },
    "mentors:mentor_edit": {  # /mentors/<int:pk>/edit/
        "kwargs": {"pk": "mentor"},
        "post": {
            "display_name": "พี่เลี้ยงเปลี่ยนชื่อ",
            "phone": "{mentor_phone}",
            "home_province": "{province}",
            "provinces": ["{province}"],
            "is_active": "on",
        },
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    403    404    200    404    200",
        "POST own":      "login  404    404    404    403    404    302+   404    302+",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    302+   302+",
    },
    "mentors:mentor_assign": {  # /mentors/<int:pk>/assign/
        "kwargs": {"pk": "mentor"},
        "post": {"group": "{group}", "starts_on": "{long_ago}", "ends_on": "{less_long_ago}"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    403    404    200    404    200",
        "POST own":      "login  404    404    404    403    404    302+   404    302+",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    302+   302+",
    },
    "mentors:mentor_follow_ups": {  # /mentors/<int:pk>/follow-ups/
        "kwargs": {"pk": "mentor"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    200    404    200    404    200",
        "POST own":      "login  404    404    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    200    200",
    },
    "mentors:assignment_end": {  # /mentors/assignments/<int:pk>/end/
        "kwargs": {"pk": "assignment"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  404    404    404    403    404    302+   404    302+",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    404    404    404    404    302+   302+",
    },
    "mentors:group_follow_ups": {  # /mentors/groups/<int:pk>/
        "kwargs": {"pk": "group"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    200    404    200    404    200",
        "POST own":      "login  404    404    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    200    200",
    },
    "mentors:group_assign": {  # /mentors/groups/<int:pk>/assign/
        "kwargs": {"pk": "group"},
        "post": {"mentor": "{mentor}", "starts_on": "{long_ago}", "ends_on": "{less_long_ago}"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    403    404    200    404    200",
        "POST own":      "login  404    404    404    403    404    302+   404    302+",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    302+   302+",
    },
    "mentors:follow_up_create": {  # /mentors/groups/<int:pk>/follow-ups/new/
        "kwargs": {"pk": "group"},
        "post": {"happened_on": "{today}", "kind": "visit", "what_was_done": "ลงพื้นที่"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    200    404    403    404    403",
        "POST own":      "login  404    404    404    302+   404    403    404    403",
        "GET foreign":   "login  404    404    404    404    404    404    403    403",
        "POST foreign":  "login  404    404    404    404    404    404    403    403",
    },
    "mentors:cohort_list": {  # /mentors/cohorts/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    200    200    200    200    200",
        "POST":          "login  404    404    404    200    200    200    200    200",
    },
    "mentors:cohort_create": {  # /mentors/cohorts/new/
        "kwargs": {},
        "post": {"name": "รุ่นใหม่", "year": "2568", "groups": ["{group}"]},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    404    404    200    200    404",
        "POST":          "login  404    404    404    404    404    302+   200    404",
    },
    "mentors:cohort_detail": {  # /mentors/cohorts/<int:pk>/
        "kwargs": {"pk": "cohort"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    200    404    200    404    200",
        "POST own":      "login  404    404    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    200    200",
    },
    "mentors:cohort_edit": {  # /mentors/cohorts/<int:pk>/edit/
        "kwargs": {"pk": "cohort"},
        "post": {"name": "รุ่นเปลี่ยนชื่อ", "year": "2568", "groups": ["{group}"]},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    403    404    200    404    200",
        "POST own":      "login  404    404    404    403    404    302+   404    302+",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    302+   302+",
    },
    "mentors:coverage": {  # /mentors/coverage/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    404    404    200    200    200",
        "POST":          "login  404    404    404    404    404    200    200    200",
    },
    "accounts:audit": {  # /accounts/audit/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    404    404    200    200    200",
        "POST":          "login  404    404    404    404    404    200    200    200",
    },
    "accounts:person_detail": {  # /accounts/people/<int:pk>/
        "kwargs": {"pk": "newcomer"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    404    404    200    404    200",
        "POST own":      "login  404    404    404    404    404    200    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    200    200",
    },
    "accounts:person_export": {  # /accounts/people/<int:pk>/export/
        "kwargs": {"pk": "newcomer"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    404    404    403    404    200",
        "POST own":      "login  404    404    404    404    404    403    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    403    200",
        "POST foreign":  "login  404    404    404    404    404    404    403    200",
    },
    "accounts:person_anonymise": {  # /accounts/people/<int:pk>/anonymise/
        "kwargs": {"pk": "newcomer"},
        "post": {"confirm": "on"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    404    404    403    404    200",
        "POST own":      "login  404    404    404    404    404    403    404    302+",
        "GET foreign":   "login  404    404    404    404    404    404    403    200",
        "POST foreign":  "login  404    404    404    404    404    404    403    302+",
    },
    "privacy": {  # /privacy/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "200    200    200    200    200    200    200    200    200",
        "POST":          "200    200    200    200    200    200    200    200    200",
    },
    "communities:invitation_withdraw": {  # /groups/<pk>/invitations/<invitation_pk>/withdraw/
        "kwargs": {"pk": "group", "invitation_pk": "invitation"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  403    403    404    404    404    302    404    302",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    403    404    404    404    302    302",
        "GET mixed":     "login  405    405    405    405    405    405    405    405",
        "POST mixed":    "login  403    403    404    404    404    404    404    404",
    },
    "communities:invitation_accept": {  # /groups/invitations/<int:pk>/accept/
        "kwargs": {"pk": "invitation"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  404    404    404    404    404    404    404    404",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    404    404    404    404    404    404",
    },
    "communities:invitation_decline": {  # /groups/invitations/<int:pk>/decline/
        "kwargs": {"pk": "invitation"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  404    404    404    404    404    404    404    404",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    404    404    404    404    404    404",
    },
    "canvases:autosave": {  # /canvases/<int:pk>/autosave/
        "kwargs": {"pk": "draft"},
        "post": {"base_revision": "{draft_revision}", "save_id": "authz1", "channels": "ใหม่"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "405    405    405    405    405    405    405    405    405",
        "POST own":      "401    200+   403    404    403    404    403    404    403",
        "GET foreign":   "405    405    405    405    405    405    405    405    405",
        "POST foreign":  "401    404    404    200+   404    404    404    403    403",
    },
    "canvases:block_history": {  # /canvases/<int:pk>/blocks/<str:key>/
        "kwargs": {"pk": "draft", "key": "block_key"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "canvases:block_restore": {  # /canvases/<int:pk>/blocks/<str:key>/restore/<int:change_pk>/
        "kwargs": {"pk": "draft", "key": "block_key", "change_pk": "block_change"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  302+   403    404    403    404    403    404    403",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302+   404    404    404    403    403",
        "GET mixed":     "login  405    405    405    405    405    405    405    405",
        "POST mixed":    "login  404    403    404    403    404    403    404    403",
    },
    "mentors:coverage_province": {  # /mentors/coverage/<str:code>/
        "kwargs": {"code": "province_code"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    404    404    200    404    200",
        "POST own":      "login  404    404    404    404    404    200    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    200    200",
    },
    "dashboards:index": {  # /dashboards/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    200    200    200    200    200",
        "POST":          "login  404    404    404    200    200    200    200    200",
    },
    "dashboards:province": {  # /dashboards/province/<code>/
        "kwargs": {"code": "province_code"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    200    404    200    404    200",
        "POST own":      "login  404    404    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    200    200",
    },
    "dashboards:district": {  # /dashboards/district/<code>/
        "kwargs": {"code": "district_code"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    200    404    200    404    200",
        "POST own":      "login  404    404    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    200    200",
    },
    "dashboards:tambon": {  # /dashboards/tambon/<code>/
        "kwargs": {"code": "tambon_code"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    200    404    200    404    200",
        "POST own":      "login  404    404    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    200    200",
    },
    "dashboards:targets": {  # /dashboards/targets/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    404    404    200    200    200",
        "POST":          "login  404    404    404    404    404    403    403    200",
    },
    "dashboards:export_canvases_csv": {  # /dashboards/export/canvases.csv
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    200    200    200    200    200",
        "POST":          "405    405    405    405    405    405    405    405    405",
    },
    "dashboards:export_canvases_xlsx": {  # /dashboards/export/canvases.xlsx
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    200    200    200    200    200",
        "POST":          "405    405    405    405    405    405    405    405    405",
    },
    "dashboards:list_root": {  # /dashboards/list/<figure>/
        "kwargs": {"figure": "figure"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    200    200    200    200    200",
        "POST":          "login  404    404    404    200    200    200    200    200",
    },
    "dashboards:province_list": {  # /dashboards/province/<code>/list/<figure>/
        "kwargs": {"code": "province_code", "figure": "figure"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    200    404    200    404    200",
        "POST own":      "login  404    404    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    200    200",
    },
    "dashboards:district_list": {  # /dashboards/district/<code>/list/<figure>/
        "kwargs": {"code": "district_code", "figure": "figure"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    200    404    200    404    200",
        "POST own":      "login  404    404    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    200    200",
    },
    "dashboards:tambon_list": {  # /dashboards/tambon/<code>/list/<figure>/
        "kwargs": {"code": "tambon_code", "figure": "figure"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    200    404    200    404    200",
        "POST own":      "login  404    404    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    200    200",
    },
    "dashboards:export_root": {  # /dashboards/export.<ext>
        "kwargs": {"extension": "extension"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    200    200    200    200    200",
        "POST":          "login  404    404    404    200    200    200    200    200",
    },
    "dashboards:export_area": {  # /dashboards/<level>/<code>/export.<ext>
        "kwargs": {"level": "level", "code": "province_code", "extension": "extension"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    200    404    200    404    200",
        "POST own":      "login  404    404    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    200    200",
    },
    "dashboards:programme": {  # /dashboards/programme/
        "kwargs": {},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    200    200    200    200    200",
        "POST":          "405    405    405    405    405    405    405    405    405",
    },
    "dashboards:programme_export": {  # /dashboards/programme/export.<ext>
        "kwargs": {"extension": "extension"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET":           "login  404    404    404    200    200    200    200    200",
        "POST":          "405    405    405    405    405    405    405    405    405",
    },
    "programme:overview": {  # /programme/groups/<int:pk>/
        "kwargs": {"pk": "group"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "programme:stage_move": {  # /programme/groups/<int:pk>/stage/
        "kwargs": {"pk": "group"},
        "post": {"direction": "forward", "expected": "capital", "note": "สำรวจทุนชุมชนครบแล้ว"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  403    403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    403    404    404    404    302+   302+",
    },
    "programme:results": {  # /programme/groups/<int:pk>/results/
        "kwargs": {"pk": "group"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "programme:result_entry": {  # /programme/groups/<int:pk>/results/entry/
        "kwargs": {"pk": "group"},
        "post": {
            "fiscal_year": "2568", "quarter": "2", "income": "15000", "costs": "4000",
            "members_earning": "12", "households_earning": "9", "family_share": "60",
            "community_share": "40",
        },
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    403    404    403    404    403    404    403",
        "POST own":      "login  302+   403    404    403    404    403    404    403",
        "GET foreign":   "login  404    404    200    404    404    404    403    403",
        "POST foreign":  "login  404    404    302+   404    404    404    403    403",
    },
    "programme:result_confirm": {  # /programme/groups/<int:pk>/results/confirm/
        "kwargs": {"pk": "group"},
        "post": {"fiscal_year": "2568", "quarter": "1"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  403    403    404    302+   404    403    404    403",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    403    404    404    404    403    403",
    },
    "programme:result_unconfirm": {  # /programme/groups/<int:pk>/results/unconfirm/
        "kwargs": {"pk": "group"},
        "post": {"fiscal_year": "2568", "quarter": "1", "note": "ต้นทุนยังไม่ครบ"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  403    403    404    302    404    403    404    403",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    403    404    404    404    403    403",
    },
    "programme:plan": {  # /programme/groups/<int:pk>/plan/
        "kwargs": {"pk": "group"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "programme:plan_edit": {  # /programme/groups/<int:pk>/plan/edit/
        "kwargs": {"pk": "group"},
        "post": {
            "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000", "form-0-area": "people",
            "form-0-what": "อบรมทำบัญชีครัวเรือน", "form-0-status": "not_started",
        },
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    403    404    403    404    403    404    403",
        "POST own":      "login  302+   403    404    403    404    403    404    403",
        "GET foreign":   "login  404    404    200    404    404    404    403    403",
        "POST foreign":  "login  404    404    302+   404    404    404    403    403",
    },

    # Learning forums and networks of groups --------------------------------------
    "programme:forum_list": {  # /programme/regions/<slug:region>/forums/
        "kwargs": {"region": "region_slug"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "programme:forum_create": {  # /programme/regions/<slug:region>/forums/new/
        "kwargs": {"region": "region_slug"},
        "post": {
            "province": "{province}", "title": "เวทีแลกเปลี่ยนเรียนรู้", "held_on": "{today}",
            "tambon": "{tambon_code}", "organisers": "สภาองค์กรชุมชนตำบล", "groups": ["{group}"],
            "participants": "35",
        },
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  403    403    404    200    404    200    404    200",
        "POST own":      "login  403    403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  404    404    403    404    404    404    200    200",
        "POST foreign":  "login  404    404    403    404    404    404    302+   302+",
    },
    "programme:forum_detail": {  # /programme/forums/<int:pk>/
        "kwargs": {"pk": "forum"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "programme:forum_edit": {  # /programme/forums/<int:pk>/edit/
        "kwargs": {"pk": "forum"},
        "post": {
            "province": "{province}", "title": "เวทีแลกเปลี่ยนเรียนรู้", "held_on": "{today}",
            "tambon": "{tambon_code}", "organisers": "สภาองค์กรชุมชนตำบล", "groups": ["{group}"],
            "participants": "35",
        },
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  403    403    404    403    404    200    404    200",
        "POST own":      "login  403    403    404    403    404    302+   404    302+",
        "GET foreign":   "login  404    404    403    404    404    404    200    200",
        "POST foreign":  "login  404    404    403    404    404    404    302+   302+",
    },
    "programme:group_network": {  # /programme/groups/<int:pk>/network/
        "kwargs": {"pk": "group"},
        "post": {"other": "{partner_group}", "kind": "marketing", "note": "ขายร่วมกันที่ตลาดนัด"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  302+   403    404    403    404    302+   404    302+",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    302+   404    404    404    302+   302+",
    },
    "programme:link_accept": {  # /programme/links/<int:pk>/accept/
        "kwargs": {"pk": "link"},
        "post": {"group": "{group}"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  302+   403    404    403    404    302+   404    302+",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302+   404    404    404    302+   302+",
    },
    "programme:link_remove": {  # /programme/links/<int:pk>/remove/
        "kwargs": {"pk": "link"},
        "post": {"group": "{group}"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  302+   403    404    403    404    302+   404    302+",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302+   404    404    404    302+   302+",
    },
    "programme:region_network": {  # /programme/regions/<slug:region>/network/
        "kwargs": {"region": "region_slug"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  404    404    404    404    404    200    404    200",
        "POST own":      "login  404    404    404    404    404    200    404    200",
        "GET foreign":   "login  404    404    404    404    404    404    200    200",
        "POST foreign":  "login  404    404    404    404    404    404    200    200",
    },
}
# fmt: on


# Stories and photos (programme) ------------------------------------------------------------


class PhotoUpload(dict):
    """A photo file for a POST body that reads the same bytes for every request.

    A dict only so that the failing test can print the row (as {"file": "photo.jpg"});
    the test client sends anything with read() as a file.
    """

    name = "photo.jpg"
    content_type = "image/jpeg"

    def __init__(self):
        super().__init__(file=self.name)

    def read(self) -> bytes:
        from tests.programme.photo_helpers import jpeg

        return jpeg((64, 48))


STORY_POST = {"title": "ล่องคลองมะรุ่ย", "body": "เรื่องของชุมชน", "link_canvas": "on"}

# fmt: off
ROWS |= {
    "programme:stories": {  # /programme/groups/<int:pk>/stories/
        "kwargs": {"pk": "group"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "programme:story_new": {  # /programme/groups/<int:pk>/stories/new/
        "kwargs": {"pk": "group"},
        "post": STORY_POST,
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  403    403    404    200    404    200    404    200",
        "POST own":      "login  403    403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  404    404    403    404    404    404    200    200",
        "POST foreign":  "login  404    404    403    404    404    404    302+   302+",
    },
    "programme:story_detail": {  # /programme/stories/<int:pk>/
        "kwargs": {"pk": "story"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "programme:story_edit": {  # /programme/stories/<int:pk>/edit/
        "kwargs": {"pk": "story"},
        "post": STORY_POST,
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  403    403    404    200    404    200    404    200",
        "POST own":      "login  403    403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  404    404    403    404    404    404    200    200",
        "POST foreign":  "login  404    404    403    404    404    404    302+   302+",
    },
    "programme:story_publish": {  # /programme/stories/<int:pk>/publish/
        "kwargs": {"pk": "story"},
        "post": {"published": "0"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  403    403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    403    404    404    404    302+   302+",
    },
    "programme:story_delete": {  # /programme/stories/<int:pk>/delete/
        "kwargs": {"pk": "story"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  403    403    404    200    404    200    404    200",
        "POST own":      "login  403    403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  404    404    403    404    404    404    200    200",
        "POST foreign":  "login  404    404    403    404    404    404    302+   302+",
    },
    "programme:story_photo_add": {  # /programme/stories/<int:pk>/photos/
        "kwargs": {"pk": "story"},
        "post": {"image": PhotoUpload(), "caption": "ท่าเรือ"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  403    403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    403    404    404    404    302+   302+",
    },
    "programme:story_photo": {  # /programme/stories/<int:pk>/photos/<int:photo_pk>/
        "kwargs": {"pk": "story", "photo_pk": "story_photo"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  405    405    405    405    405    405    405    405",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  405    405    405    405    405    405    405    405",
        "GET mixed":     "login  404    404    404    404    404    404    404    404",
        "POST mixed":    "login  405    405    405    405    405    405    405    405",
    },
    "programme:story_photo_delete": {  # /programme/stories/<int:pk>/photos/<int:photo_pk>/delete/
        "kwargs": {"pk": "story", "photo_pk": "story_photo"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  403    403    404    302+   404    302+   404    302+",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    403    404    404    404    302+   302+",
        "GET mixed":     "login  405    405    405    405    405    405    405    405",
        "POST mixed":    "login  403    403    404    404    404    404    404    404",
    },
    "programme:paper": {  # /programme/canvases/<int:pk>/paper/
        "kwargs": {"pk": "canvas"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  200    200    404    200    404    200    404    200",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  404    404    200    404    404    404    200    200",
    },
    "programme:paper_add": {  # /programme/canvases/<int:pk>/paper/add/
        "kwargs": {"pk": "canvas"},
        "post": {"image": PhotoUpload(), "caption": "กระดาษแผ่นที่ 2"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  302+   403    404    302+   404    403    404    403",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302+   404    404    404    403    403",
    },
    "programme:paper_photo": {  # /programme/canvases/<int:pk>/paper/<int:photo_pk>/
        "kwargs": {"pk": "canvas", "photo_pk": "paper_photo"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  200    200    404    200    404    200    404    200",
        "POST own":      "login  405    405    405    405    405    405    405    405",
        "GET foreign":   "login  404    404    200    404    404    404    200    200",
        "POST foreign":  "login  405    405    405    405    405    405    405    405",
        "GET mixed":     "login  404    404    404    404    404    404    404    404",
        "POST mixed":    "login  405    405    405    405    405    405    405    405",
    },
    "programme:paper_delete": {  # /programme/canvases/<int:pk>/paper/<int:photo_pk>/delete/
        "kwargs": {"pk": "canvas", "photo_pk": "paper_photo"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "login  405    405    405    405    405    405    405    405",
        "POST own":      "login  302+   403    404    403    404    403    404    403",
        "GET foreign":   "login  405    405    405    405    405    405    405    405",
        "POST foreign":  "login  404    404    302+   404    404    404    403    403",
        "GET mixed":     "login  405    405    405    405    405    405    405    405",
        "POST mixed":    "login  404    404    404    404    404    404    404    404",
    },
    "stories:region": {  # /stories/<str:region>/
        "kwargs": {"region": "region_slug"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "200    200    200    200    200    200    200    200    200",
        "POST own":      "405    405    405    405    405    405    405    405    405",
        "GET foreign":   "200    200    200    200    200    200    200    200    200",
        "POST foreign":  "405    405    405    405    405    405    405    405    405",
    },
    "stories:story": {  # /stories/<str:region>/<int:pk>/
        "kwargs": {"region": "region_slug", "pk": "story"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "200    200    200    200    200    200    200    200    200",
        "POST own":      "405    405    405    405    405    405    405    405    405",
        "GET foreign":   "200    200    200    200    200    200    200    200    200",
        "POST foreign":  "405    405    405    405    405    405    405    405    405",
        "GET mixed":     "404    404    404    404    404    404    404    404    404",
        "POST mixed":    "405    405    405    405    405    405    405    405    405",
    },
    "stories:photo": {  # /stories/<str:region>/<int:pk>/photos/<int:photo_pk>/
        "kwargs": {"region": "region_slug", "pk": "story", "photo_pk": "story_photo"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "200    200    200    200    200    200    200    200    200",
        "POST own":      "405    405    405    405    405    405    405    405    405",
        "GET foreign":   "200    200    200    200    200    200    200    200    200",
        "POST foreign":  "405    405    405    405    405    405    405    405    405",
        "GET mixed":     "404    404    404    404    404    404    404    404    404",
        "POST mixed":    "405    405    405    405    405    405    405    405    405",
    },
    "stories:canvas": {  # /stories/<str:region>/<int:pk>/canvas/<int:canvas_pk>/
        "kwargs": {"region": "region_slug", "pk": "story", "canvas_pk": "approved_canvas"},
        #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
        "GET own":       "200    200    200    200    200    200    200    200    200",
        "POST own":      "405    405    405    405    405    405    405    405    405",
        "GET foreign":   "200    200    200    200    200    200    200    200    200",
        "POST foreign":  "405    405    405    405    405    405    405    405    405",
        "GET mixed":     "404    404    404    404    404    404    404    404    404",
        "POST mixed":    "405    405    405    405    405    405    405    405    405",
    },
}
# fmt: on

# Community capital of a tambon (programme.capital): its changers are the leaders of
# its groups, the mentors assigned to them, the region's staff and national staff; the
# readers of its groups' canvases read it.
# fmt: off
ROWS.update(
    {
        "programme:capital": {  # /programme/tambons/<str:code>/capital/
            "kwargs": {"code": "tambon_code"},
            "post": {"kind": "nature", "what": "ป่าชายเลน 300 ไร่", "detail": ""},
            #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
            "GET own":       "login  200    200    404    200    404    200    404    200",
            "POST own":      "login  302+   403    404    302+   404    302+   404    302+",
            "GET foreign":   "login  404    404    200    404    404    404    200    200",
            "POST foreign":  "login  404    404    302+   404    404    404    302+   302+",
        },
        "programme:capital_item_edit": {  # .../capital/<int:item_pk>/edit/
            "kwargs": {"code": "tambon_code", "item_pk": "capital_item"},
            "post": {"kind": "culture", "what": "ประเพณีลอยเรือ", "detail": "ทุกปี"},
            #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
            "GET own":       "login  200    403    404    200    404    200    404    200",
            "POST own":      "login  302+   403    404    302+   404    302+   404    302+",
            "GET foreign":   "login  404    404    200    404    404    404    200    200",
            "POST foreign":  "login  404    404    302+   404    404    404    302+   302+",
            "GET mixed":     "login  404    403    404    404    404    404    404    404",
            "POST mixed":    "login  404    403    404    404    404    404    404    404",
        },
        "programme:capital_item_delete": {  # .../capital/<int:item_pk>/delete/
            "kwargs": {"code": "tambon_code", "item_pk": "capital_item"},
            #                 anon   ldr_a  mbr_a  ldr_b  mtr_a  mtr_x  stf_s  stf_n  natl
            "GET own":       "login  405    405    405    405    405    405    405    405",
            "POST own":      "login  302+   403    404    302+   404    302+   404    302+",
            "GET foreign":   "login  405    405    405    405    405    405    405    405",
            "POST foreign":  "login  404    404    302+   404    404    404    302+   302+",
            "GET mixed":     "login  405    405    405    405    405    405    405    405",
            "POST mixed":    "login  404    403    404    404    404    404    404    404",
        },
    }
)
# fmt: on
