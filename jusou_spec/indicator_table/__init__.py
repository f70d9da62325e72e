"""What ``jusou indicators`` shows, above the checker and the reporters it uses.

:mod:`.collect` reads the files it is given into groups (a plan with its reports) through the checker, with the
indicator rules only; :mod:`.formats` writes the table of every indicator as text, JSON or CSV; :mod:`.chart` draws
one SVG chart per indicator. The figures themselves (targets, actuals, rates, statuses) come from
:mod:`jusou_spec.progress`, which the rules use too and which therefore sits below them.
"""
