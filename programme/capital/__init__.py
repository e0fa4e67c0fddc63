"""Community capital (ทุนชุมชน): a tambon's inventory of what it has to build on.

The rows are communities.CapitalItem (so the canvas editor can read them); the
pages, their rules and their form live here, beside the programme whose first
step is finding that capital.
"""
