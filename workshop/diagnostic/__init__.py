"""The diagnostic step: 13 criteria scored 1–5 suggest where the charter should sit.

The founding article lists nine criteria to weigh before writing a charter, and its
author’s reply in the comments adds four; the product asks all thirteen. Each is scored
from 1 to 5, where **5 always means "more" of what the title names** (more regulated,
more incidents, bigger, more knowledge, more tools, stricter filtering, tenser union
relations...), so nobody has to remember which way a scale runs: the weights carry the
meaning, and a negative weight reads "the more of it, the less is needed".

The suggestion starts from the neutral centre (5, 5) and moves, for each answered
criterion, by ``(score - 3) × weight`` on each axis; unanswered criteria move nothing.
The result is clamped to [0, 10]. A weight is thus the number of matrix points one step
above the middle of the scale adds (negative: removes); a score of 5 moves twice that.
Support weights are larger than control weights, as the article asks the company to
"accompany rather than limit and control": answers can push support to either edge,
while control stays between 1.2 and 8.8 (total or no control is for the room to decide).

Three families, following the article and the domain notes (§3, "The two axes"):

- exposure (sector, history, size, IT filtering, tense union relations): more is at
  stake, so more accompaniment and more framing;
- readiness (knowledge, tools, accompaniment culture, employees' maturity): where it is
  low, the charter’s programme must accompany (and frame a little) more; where it is
  high, less of both is needed;
- openness and ambition (maturity of the company’s social media actions, culture of
  speaking up, communication and social media strategies): the company wants its
  employees to speak, so it accompanies them as ambassadors and controls less.

======================================  =========  =======  =======
criterion (score 5 means...)            source     support  control
======================================  =========  =======  =======
1  sector: highly regulated/exposed     article    +0.20    +0.30
2  speech_history: repeated incidents   article    +0.30    +0.20
3  size: 5,000 employees or more        article    +0.10    +0.10
4  social_media_knowledge: high         article    -0.30    -0.10
5  digital_tools_adoption: high         article    -0.10    -0.05
6  it_access_policy: sites blocked      article    +0.10    +0.20
7  accompaniment_culture: strong        article    -0.20    -0.05
8  social_media_maturity: mature        article    +0.50    -0.20
9  speaking_up_culture: open            article    +0.50    -0.30
10 employee_maturity: mature            comment    -0.10    -0.20
11 union_relations: tense               comment    +0.30    +0.05
12 communication_strategy: clear        comment    +0.30    -0.05
13 social_media_strategy: defined       comment    +0.50    -0.10
======================================  =========  =======  =======

Known limit, on purpose: the model is linear, so a company that is exposed, closed to
speaking up and without any strategy is pulled toward the lock-down quadrant. That is the
trap the article warns about; the quadrant’s description says so to the room.

The package's modules, one job each: ``criteria`` (the table above, as data),
``scoring`` (answers to a suggested position) and ``explanation`` (that position in words).
"""

from workshop.diagnostic.criteria import (
    CRITERIA,
    CRITERIA_BY_KEY,
    SCORE_MAX,
    SCORE_MIDDLE,
    SCORE_MIN,
    Criterion,
    Source,
    criterion,
)
from workshop.diagnostic.explanation import NBSP, NNBSP, explain
from workshop.diagnostic.scoring import (
    BASELINE,
    Contribution,
    Suggestion,
    size_score,
    strongest,
    suggested_position,
    suggested_scores,
)

__all__ = [
    "BASELINE",
    "CRITERIA",
    "CRITERIA_BY_KEY",
    "NBSP",
    "NNBSP",
    "SCORE_MAX",
    "SCORE_MIDDLE",
    "SCORE_MIN",
    "Contribution",
    "Criterion",
    "Source",
    "Suggestion",
    "criterion",
    "explain",
    "size_score",
    "strongest",
    "suggested_position",
    "suggested_scores",
]
