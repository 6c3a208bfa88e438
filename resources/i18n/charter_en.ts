<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Workshop files and the demonstration workshop</source>
        <translation>Workshop files and the demonstration workshop</translation>
    </message>
    <message>
        <source>Settings (language, recent files)</source>
        <translation>Settings (language, recent files)</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Run a co-design workshop for a company’s social media charter, offline.</source>
        <translation>Run a co-design workshop for a company’s social media charter, offline.</translation>
    </message>
    <message>
        <source>Free software under the %1 licence.</source>
        <translation>Free software under the %1 licence.</translation>
    </message>
    <message>
        <source>Qt %1 through PySide6.</source>
        <translation>Qt %1 through PySide6.</translation>
    </message>
    <message>
        <source>Qt and PySide6 are used under the LGPL-3.0: their libraries are separate files in the program folder and can be replaced.</source>
        <translation>Qt and PySide6 are used under the LGPL-3.0: their libraries are separate files in the program folder and can be replaced.</translation>
    </message>
    <message>
        <source>Full text</source>
        <translation>Full text</translation>
    </message>
    <message>
        <source>About Charter Workshop</source>
        <translation>About Charter Workshop</translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>to be set</source>
        <translation>to be set</translation>
    </message>
</context>
<context>
    <name>AmendEditor</name>
    <message>
        <source>(nobody in particular)</source>
        <translation>(nobody in particular)</translation>
    </message>
    <message>
        <source>The wording cannot change while the vote is open.</source>
        <translation>The wording cannot change while the vote is open.</translation>
    </message>
    <message>
        <source>{added} word(s) added, {removed} removed.</source>
        <translation>{added} word(s) added, {removed} removed.</translation>
    </message>
    <message>
        <source>Objections and reservations of round {n}</source>
        <translation>Objections and reservations of round {n}</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Reservation</translation>
    </message>
    <message>
        <source>Amendment history ({n})</source>
        <translation>Amendment history ({n})</translation>
    </message>
    <message>
        <source>No amendment yet.</source>
        <translation>No amendment yet.</translation>
    </message>
    <message>
        <source>Amendment {n}</source>
        <translation>Amendment {n}</translation>
    </message>
    <message>
        <source>proposed by {college}</source>
        <translation>proposed by {college}</translation>
    </message>
    <message>
        <source>reason: {reason}</source>
        <translation>reason: {reason}</translation>
    </message>
    <message>
        <source>Proposed wording</source>
        <translation>Proposed wording</translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation>Before / after</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Why the group changes the wording</source>
        <translation>Why the group changes the wording</translation>
    </message>
    <message>
        <source>Record the amendment</source>
        <translation>Record the amendment</translation>
    </message>
    <message>
        <source>Start again from the current wording</source>
        <translation>Start again from the current wording</translation>
    </message>
</context>
<context>
    <name>BallotPanel</name>
    <message>
        <source>After an undo the recorded marks are cleared: record again any college you are unsure of (it replaces its numbers).</source>
        <translation>After an undo the recorded marks are cleared: record again any college you are unsure of (it replaces its numbers).</translation>
    </message>
    <message>
        <source>Round {n}: how will the group decide?</source>
        <translation>Round {n}: how will the group decide?</translation>
    </message>
    <message>
        <source>Set the rule before opening the vote: {present} participants are present.</source>
        <translation>Set the rule before opening the vote: {present} participants are present.</translation>
    </message>
    <message>
        <source>{mark} Vote in progress — round {n}</source>
        <translation>{mark} Vote in progress — round {n}</translation>
    </message>
    <message>
        <source>Close the vote…</source>
        <translation>Close the vote…</translation>
    </message>
    <message>
        <source>Cancel this round…</source>
        <translation>Cancel this round…</translation>
    </message>
    <message>
        <source>After an undo the recorded choices are no longer shown: a voter's card only says whether they have voted.</source>
        <extracomment>How the session words undo and redo events (French and English workshops).</extracomment>
        <translation>After an undo the recorded choices are no longer shown: a voter's card only says whether they have voted.</translation>
    </message>
    <message>
        <source>Count the raised cards, type each college's numbers and record them. Recorded numbers stay here, on this screen only, to check or correct until the vote closes; the projection never shows them.</source>
        <translation>Count the raised cards, type each college's numbers and record them. Recorded numbers stay here, on this screen only, to check or correct until the vote closes; the projection never shows them.</translation>
    </message>
    <message>
        <source>{done} of {n} colleges recorded</source>
        <translation>{done} of {n} colleges recorded</translation>
    </message>
    <message>
        <source>✓ has voted</source>
        <translation>✓ has voted</translation>
    </message>
    <message>
        <source>○ not voted yet</source>
        <translation>○ not voted yet</translation>
    </message>
    <message>
        <source>Each voter in turn touches their name, then chooses on the private screen. Only the totals are kept.</source>
        <translation>Each voter in turn touches their name, then chooses on the private screen. Only the totals are kept.</translation>
    </message>
    <message>
        <source>Touch your name, then your choice. Keyboard: arrows or the first letters of a name, then 1, 2 or 3.</source>
        <translation>Touch your name, then your choice. Keyboard: arrows or the first letters of a name, then 1, 2 or 3.</translation>
    </message>
    <message>
        <source>{voted} of {n} have voted</source>
        <translation>{voted} of {n} have voted</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Decision rule</source>
        <translation>Decision rule</translation>
    </message>
    <message>
        <source>Votes taken</source>
        <translation>Votes taken</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>vote in progress</source>
        <translation>vote in progress</translation>
    </message>
    <message>
        <source>Touch a name first, then the choice.</source>
        <translation>Touch a name first, then the choice.</translation>
    </message>
    <message>
        <source>{name} has already voted « {choice} »: nothing changed.</source>
        <translation>{name} has already voted « {choice} »: nothing changed.</translation>
    </message>
    <message>
        <source>{name} has already voted « {old} ». Change the vote to « {new} »?</source>
        <translation>{name} has already voted « {old} ». Change the vote to « {new} »?</translation>
    </message>
    <message>
        <source>{name} has already voted (the choice is not known here after an undo or a restart). Replace the vote with « {new} »?</source>
        <translation>{name} has already voted (the choice is not known here after an undo or a restart). Replace the vote with « {new} »?</translation>
    </message>
    <message>
        <source>{name}: vote unchanged.</source>
        <translation>{name}: vote unchanged.</translation>
    </message>
    <message>
        <source>{name}'s vote changed: {old} → {new}.</source>
        <translation>{name}'s vote changed: {old} → {new}.</translation>
    </message>
    <message>
        <source>{name}'s vote replaced: now {new}.</source>
        <translation>{name}'s vote replaced: now {new}.</translation>
    </message>
    <message>
        <source>{name}: vote recorded.</source>
        <translation>{name}: vote recorded.</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>What is the objection? It will be recorded with the round.</source>
        <translation>What is the objection? It will be recorded with the round.</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Reservation</translation>
    </message>
    <message>
        <source>What is the reservation? It will be recorded with the round.</source>
        <translation>What is the reservation? It will be recorded with the round.</translation>
    </message>
    <message>
        <source>No vote recorded: the reason is needed.</source>
        <translation>No vote recorded: the reason is needed.</translation>
    </message>
    <message>
        <source>Secret vote recorded. Next voter, please.</source>
        <translation>Secret vote recorded. Next voter, please.</translation>
    </message>
    <message>
        <source>No vote recorded.</source>
        <translation>No vote recorded.</translation>
    </message>
    <message>
        <source>Close the vote? The result will be shown to everyone.</source>
        <translation>Close the vote? The result will be shown to everyone.</translation>
    </message>
    <message>
        <source>{n} voter(s) have not voted yet.</source>
        <translation>{n} voter(s) have not voted yet.</translation>
    </message>
    <message>
        <source>Cancel this round? The votes already cast in it are discarded.</source>
        <translation>Cancel this round? The votes already cast in it are discarded.</translation>
    </message>
    <message>
        <source>Rounds on this clause</source>
        <translation>Rounds on this clause</translation>
    </message>
</context>
<context>
    <name>ClausePicker</name>
    <message>
        <source>All themes</source>
        <extracomment>The keys to add, in the library's order: one or several.</extracomment>
        <translation>All themes</translation>
    </message>
    <message>
        <source>✓ {title} (already in the review)</source>
        <translation>✓ {title} (already in the review)</translation>
    </message>
    <message>
        <source>Select a clause to read it.</source>
        <translation>Select a clause to read it.</translation>
    </message>
    <message>
        <source>Add the %1 selected clauses to the review</source>
        <translation>Add the %1 selected clauses to the review</translation>
    </message>
    <message>
        <source>Add clauses from the library</source>
        <translation>Add clauses from the library</translation>
    </message>
    <message>
        <source>Back to the clause</source>
        <translation>Back to the clause</translation>
    </message>
    <message>
        <source>Search a word in the titles and wordings…</source>
        <translation>Search a word in the titles and wordings…</translation>
    </message>
    <message>
        <source>Add this clause to the review</source>
        <translation>Add this clause to the review</translation>
    </message>
    <message>
        <source>No clause matches this search.</source>
        <translation>No clause matches this search.</translation>
    </message>
</context>
<context>
    <name>ClausesPage</name>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>Clauses of the charter ({n})</source>
        <translation>Clauses of the charter ({n})</translation>
    </message>
    <message>
        <source>☰ Clauses {n}/{total}</source>
        <translation>☰ Clauses {n}/{total}</translation>
    </message>
    <message>
        <source>☰ Clauses</source>
        <translation>☰ Clauses</translation>
    </message>
    <message>
        <source>variant: {label} ({lean})</source>
        <translation>variant: {label} ({lean})</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>amended</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>note: {note}</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>Amendments ({n})</source>
        <translation>Amendments ({n})</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>Amend</translation>
    </message>
    <message>
        <source>Remove "{title}" from the review? Its amendments and rounds go with it.</source>
        <translation>Remove "{title}" from the review? Its amendments and rounds go with it.</translation>
    </message>
    <message>
        <source>＋ Add clauses from the library</source>
        <translation>＋ Add clauses from the library</translation>
    </message>
    <message>
        <source>＋ Library</source>
        <translation>＋ Library</translation>
    </message>
    <message>
        <source>Add clauses from the library</source>
        <translation>Add clauses from the library</translation>
    </message>
    <message>
        <source>Previous clause</source>
        <translation>Previous clause</translation>
    </message>
    <message>
        <source>Next clause</source>
        <translation>Next clause</translation>
    </message>
    <message>
        <source>Show or hide the list of clauses</source>
        <translation>Show or hide the list of clauses</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Move up (Alt+Up)</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Move down (Alt+Down)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Variants</translation>
    </message>
    <message>
        <source>No clause in the review yet. Start from the library: the group picks the articles its charter needs.</source>
        <translation>No clause in the review yet. Start from the library: the group picks the articles its charter needs.</translation>
    </message>
    <message>
        <source>Open the library</source>
        <translation>Open the library</translation>
    </message>
</context>
<context>
    <name>CollegeDelegate</name>
    <message>
        <source>College</source>
        <translation>College</translation>
    </message>
</context>
<context>
    <name>CountsView</name>
    <message>
        <source>✓ recorded</source>
        <translation>✓ recorded</translation>
    </message>
    <message>
        <source>○ to type</source>
        <translation>○ to type</translation>
    </message>
    <message>
        <source>{n} present</source>
        <translation>{n} present</translation>
    </message>
    <message>
        <source>⚠ {total} votes typed for {present} present: correct before recording.</source>
        <translation>⚠ {total} votes typed for {present} present: correct before recording.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Record this college's numbers (Enter in its fields)</source>
        <translation>Record this college's numbers (Enter in its fields)</translation>
    </message>
</context>
<context>
    <name>CriterionRow</name>
    <message>
        <source>Note: what the room said…</source>
        <translation>Note: what the room said…</translation>
    </message>
    <message>
        <source>Note on %1</source>
        <translation>Note on %1</translation>
    </message>
    <message>
        <source>Score of %1, from 1 to 5</source>
        <translation>Score of %1, from 1 to 5</translation>
    </message>
    <message>
        <source>1: %1 5: %2 Keys 1 to 5 set the score, Delete clears it.</source>
        <translation>1: %1 5: %2 Keys 1 to 5 set the score, Delete clears it.</translation>
    </message>
    <message>
        <source>Keys 1 to 5 set the score; click the chosen score again or press Delete to clear it.</source>
        <translation>Keys 1 to 5 set the score; click the chosen score again or press Delete to clear it.</translation>
    </message>
    <message>
        <source>Tab: next criterion. Down arrow or F2: the note; Up arrow: back.</source>
        <translation>Tab: next criterion. Down arrow or F2: the note; Up arrow: back.</translation>
    </message>
    <message>
        <source>%1 out of 5</source>
        <translation>%1 out of 5</translation>
    </message>
</context>
<context>
    <name>DiagnosticPage</name>
    <message>
        <source>No target set yet.</source>
        <translation>No target set yet.</translation>
    </message>
    <message>
        <source>Current target: support %1, control %2.</source>
        <translation>Current target: support %1, control %2.</translation>
    </message>
    <message>
        <source>Suggested by the workforce entered in the set-up (%1): %2. Press Enter or click it to keep it.</source>
        <translation>Suggested by the workforce entered in the set-up (%1): %2. Press Enter or click it to keep it.</translation>
    </message>
    <message>
        <source>Score each criterion from 1 to 5 with the room: 5 always means more of what the title names. On a focused row, keys 1 to 5 set the score.</source>
        <translation>Score each criterion from 1 to 5 with the room: 5 always means more of what the title names. On a focused row, keys 1 to 5 set the score.</translation>
    </message>
    <message>
        <source>Where the diagnostic points</source>
        <translation>Where the diagnostic points</translation>
    </message>
    <message>
        <source>Adopt as the target</source>
        <translation>Adopt as the target</translation>
    </message>
    <message>
        <source>The group's target becomes the suggested position; it can be moved later.</source>
        <translation>The group's target becomes the suggested position; it can be moved later.</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Underlined: added</source>
        <extracomment>Words and the whitespace between them, kept as separate tokens so the diff can be rendered back to exactly the original texts.</extracomment>
        <translation>Underlined: added</translation>
    </message>
    <message>
        <source>Struck through: removed</source>
        <translation>Struck through: removed</translation>
    </message>
</context>
<context>
    <name>DueDateEditor</name>
    <message>
        <source>Pick in a calendar</source>
        <translation>Pick in a calendar</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>No due date</translation>
    </message>
    <message>
        <source>Unreadable date « %1 »: type for instance 31/03/2027 or 31 March 2027.</source>
        <translation>Unreadable date « %1 »: type for instance 31/03/2027 or 31 March 2027.</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Guide — Charter Workshop</source>
        <extracomment>The guide's size cap: it is ours, but a file that grew by mistake must not freeze the UI.</extracomment>
        <translation>Guide — Charter Workshop</translation>
    </message>
    <message>
        <source>The guide is missing from this installation.</source>
        <translation>The guide is missing from this installation.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <source>&amp;About Charter Workshop</source>
        <translation>&amp;About Charter Workshop</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <source>Preparing the console…</source>
        <translation>Preparing the console…</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>Reading the workshop…</source>
        <translation>Reading the workshop…</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;New workshop…</source>
        <translation>&amp;New workshop…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>Open the &amp;demonstration workshop</source>
        <translation>Open the &amp;demonstration workshop</translation>
    </message>
    <message>
        <source>&amp;Save a copy as…</source>
        <translation>&amp;Save a copy as…</translation>
    </message>
    <message>
        <source>&amp;Import a bundle (JSON)…</source>
        <translation>&amp;Import a bundle (JSON)…</translation>
    </message>
    <message>
        <source>Import a re&amp;view (DOCX)…</source>
        <translation>Import a re&amp;view (DOCX)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Projected view</source>
        <translation>Projected view</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>read-only</translation>
    </message>
    <message>
        <source>Read-only: changes are refused (open a copy to change it)</source>
        <translation>Read-only: changes are refused (open a copy to change it)</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Save a copy as</translation>
    </message>
</context>
<context>
    <name>MatrixPage</name>
    <message>
        <source>Opening</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>%1 of %2 participants placed in this round.</source>
        <translation>%1 of %2 participants placed in this round.</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(absent)</translation>
    </message>
    <message>
        <source>placed</source>
        <translation>placed</translation>
    </message>
    <message>
        <source>not placed yet</source>
        <translation>not placed yet</translation>
    </message>
    <message>
        <source>Nobody is placed in this round yet.</source>
        <translation>Nobody is placed in this round yet.</translation>
    </message>
    <message>
        <source>Group: %1 — centre %2, spread %3</source>
        <translation>Group: %1 — centre %2, spread %3</translation>
    </message>
    <message>
        <source>Whole group</source>
        <translation>Whole group</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Colleges</source>
        <translation>Colleges</translation>
    </message>
    <message>
        <source>✓ placed in this round, ○ not placed yet.</source>
        <translation>✓ placed in this round, ○ not placed yet.</translation>
    </message>
    <message>
        <source>Remove from the matrix</source>
        <translation>Remove from the matrix</translation>
    </message>
    <message>
        <source>Take the selected participant off the matrix for this round.</source>
        <translation>Take the selected participant off the matrix for this round.</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Placed</translation>
    </message>
    <message>
        <source>Position of each college</source>
        <translation>Position of each college</translation>
    </message>
    <message>
        <source>Set the target</source>
        <translation>Set the target</translation>
    </message>
    <message>
        <source>Then click on the matrix where the group wants the charter to sit.</source>
        <translation>Then click on the matrix where the group wants the charter to sit.</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Names</translation>
    </message>
    <message>
        <source>Pseudonyms</source>
        <translation>Pseudonyms</translation>
    </message>
    <message>
        <source>No labels</source>
        <translation>No labels</translation>
    </message>
    <message>
        <source>Opening → closing arrows</source>
        <translation>Opening → closing arrows</translation>
    </message>
    <message>
        <source>Available in the closing round.</source>
        <translation>Available in the closing round.</translation>
    </message>
    <message>
        <source>Click where the group wants the charter to sit. Escape cancels.</source>
        <translation>Click where the group wants the charter to sit. Escape cancels.</translation>
    </message>
    <message>
        <source>Click or drag to place the selected participant. Keys: arrows (Shift: finer), Enter to place, Tab for the next participant.</source>
        <translation>Click or drag to place the selected participant. Keys: arrows (Shift: finer), Enter to place, Tab for the next participant.</translation>
    </message>
</context>
<context>
    <name>MatrixWidget</name>
    <message>
        <source>Support/control matrix</source>
        <translation>Support/control matrix</translation>
    </message>
    <message>
        <source>Horizontal axis: degree of support, 0 to 10. Vertical axis: degree of control, 0 to 10.</source>
        <translation>Horizontal axis: degree of support, 0 to 10. Vertical axis: degree of control, 0 to 10.</translation>
    </message>
    <message>
        <source>%1 of %2 participants placed.</source>
        <translation>%1 of %2 participants placed.</translation>
    </message>
    <message>
        <source>Target: %1.</source>
        <translation>Target: %1.</translation>
    </message>
    <message>
        <source>Selected: %1, %2.</source>
        <translation>Selected: %1, %2.</translation>
    </message>
    <message>
        <source>not placed</source>
        <translation>not placed</translation>
    </message>
    <message>
        <source>Click to place the selected participant. Arrow keys move it by 0.5 (with Shift, by 0.1), Enter places it, Escape cancels, Tab changes participant, Ctrl+Tab leaves the matrix.</source>
        <translation>Click to place the selected participant. Arrow keys move it by 0.5 (with Shift, by 0.1), Enter places it, Escape cancels, Tab changes participant, Ctrl+Tab leaves the matrix.</translation>
    </message>
    <message>
        <source>Click, or use the arrow keys and Enter, to set the target.</source>
        <translation>Click, or use the arrow keys and Enter, to set the target.</translation>
    </message>
    <message>
        <source>Diagnostic</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Support →</source>
        <translation>Support →</translation>
    </message>
    <message>
        <source>Control →</source>
        <translation>Control →</translation>
    </message>
    <message>
        <source>College centre (circle: spread)</source>
        <translation>College centre (circle: spread)</translation>
    </message>
    <message>
        <source>Diagnostic suggestion</source>
        <translation>Diagnostic suggestion</translation>
    </message>
    <message>
        <source>Opening → closing</source>
        <translation>Opening → closing</translation>
    </message>
</context>
<context>
    <name>OpenView</name>
    <message>
        <source>key {n}</source>
        <translation>key {n}</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>Name</source>
        <extracomment>Text colour of absent people (the « Absent » text and the empty box say it too). The participant's id, for views that must find a row again after a reload. The college's colour (#RRGGBB), for views that draw their own swatch.</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>College</source>
        <translation>College</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>May be named</source>
        <translation>May be named</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <source>Double-click or press F2 to correct the name.</source>
        <translation>Double-click or press F2 to correct the name.</translation>
    </message>
    <message>
        <source>Double-click or press F2 to correct the function.</source>
        <translation>Double-click or press F2 to correct the function.</translation>
    </message>
    <message>
        <source>Double-click or press F2 to move the participant to another college.</source>
        <translation>Double-click or press F2 to move the participant to another college.</translation>
    </message>
    <message>
        <source>Click the box, or press Space on the row, to mark arrival or departure.</source>
        <translation>Click the box, or press Space on the row, to mark arrival or departure.</translation>
    </message>
    <message>
        <source>Unticked: the minutes show the pseudonym instead of the name.</source>
        <translation>Unticked: the minutes show the pseudonym instead of the name.</translation>
    </message>
    <message>
        <source>Given once and never changed; used when a name may not be shown.</source>
        <translation>Given once and never changed; used when a name may not be shown.</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Pseudonym: %1</source>
        <translation>Pseudonym: %1</translation>
    </message>
    <message>
        <source>Present. Click or press Space to mark a departure.</source>
        <translation>Present. Click or press Space to mark a departure.</translation>
    </message>
    <message>
        <source>Absent. Click or press Space to mark an arrival.</source>
        <translation>Absent. Click or press Space to mark an arrival.</translation>
    </message>
    <message>
        <source>The minutes may show this person's name.</source>
        <translation>The minutes may show this person's name.</translation>
    </message>
    <message>
        <source>The minutes show the pseudonym instead of this person's name.</source>
        <translation>The minutes show the pseudonym instead of this person's name.</translation>
    </message>
    <message>
        <source>Pseudonym used in the minutes when the name may not be shown.</source>
        <translation>Pseudonym used in the minutes when the name may not be shown.</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>A charter without training, guides, ambassadors or referents remains a dead letter: give every action an owner and a due date.</source>
        <extracomment>From this page width on, the suggestions sit beside the table rather than under it.</extracomment>
        <translation>A charter without training, guides, ambassadors or referents remains a dead letter: give every action an owner and a due date.</translation>
    </message>
    <message>
        <source>Add an action</source>
        <translation>Add an action</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>What the target and the diagnostic call for, and the plan still lacks.</source>
        <translation>What the target and the diagnostic call for, and the plan still lacks.</translation>
    </message>
    <message>
        <source>The plan already covers everything the target and the diagnostic call for.</source>
        <translation>The plan already covers everything the target and the diagnostic call for.</translation>
    </message>
    <message>
        <source>New action</source>
        <translation>New action</translation>
    </message>
</context>
<context>
    <name>ProjectionPanel</name>
    <message>
        <source>Show names (else pseudonyms)</source>
        <translation>Show names (else pseudonyms)</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Room depth:</source>
        <translation>Room depth:</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Distance from the screen to the back row. The smallest projected text is at least 1/200 of it tall (10 m: 5 cm on the screen).</source>
        <translation>Distance from the screen to the back row. The smallest projected text is at least 1/200 of it tall (10 m: 5 cm on the screen).</translation>
    </message>
    <message>
        <source>Message for the room (e.g. Break until 2 pm)</source>
        <translation>Message for the room (e.g. Break until 2 pm)</translation>
    </message>
    <message>
        <source>The room is too deep for this screen: the back rows may not read the labels.</source>
        <translation>The room is too deep for this screen: the back rows may not read the labels.</translation>
    </message>
    <message>
        <source>Stop projecting (Esc)</source>
        <translation>Stop projecting (Esc)</translation>
    </message>
    <message>
        <source>Project (F5)</source>
        <translation>Project (F5)</translation>
    </message>
    <message>
        <source>Not projecting: preview only.</source>
        <translation>Not projecting: preview only.</translation>
    </message>
    <message>
        <source>Projector screen not found: the view is hidden until it comes back.</source>
        <translation>Projector screen not found: the view is hidden until it comes back.</translation>
    </message>
    <message>
        <source>Projecting live.</source>
        <translation>Projecting live.</translation>
    </message>
    <message>
        <source>Projection blanked to black (B).</source>
        <translation>Projection blanked to black (B).</translation>
    </message>
    <message>
        <source>Projection blanked to white (W).</source>
        <translation>Projection blanked to white (W).</translation>
    </message>
    <message>
        <source>Projection frozen (F): the room sees the image kept.</source>
        <translation>Projection frozen (F): the room sees the image kept.</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Round {n} closed</source>
        <translation>Round {n} closed</translation>
    </message>
    <message>
        <source>Secret ballot: only the totals were kept, not who chose what.</source>
        <translation>Secret ballot: only the totals were kept, not who chose what.</translation>
    </message>
    <message>
        <source>College</source>
        <translation>College</translation>
    </message>
    <message>
        <source>No vote</source>
        <translation>No vote</translation>
    </message>
    <message>
        <source>Majority</source>
        <translation>Majority</translation>
    </message>
    <message>
        <source>— no vote cast</source>
        <translation>— no vote cast</translation>
    </message>
    <message>
        <source>✓ reached</source>
        <translation>✓ reached</translation>
    </message>
    <message>
        <source>✗ not reached</source>
        <translation>✗ not reached</translation>
    </message>
    <message>
        <source>— not counted: {why}</source>
        <translation>— not counted: {why}</translation>
    </message>
    <message>
        <source>All colleges</source>
        <translation>All colleges</translation>
    </message>
    <message>
        <source>{passed} of {n} colleges</source>
        <translation>{passed} of {n} colleges</translation>
    </message>
    <message>
        <source>Casting vote: {name}</source>
        <translation>Casting vote: {name}</translation>
    </message>
    <message>
        <source>Add a reservation</source>
        <translation>Add a reservation</translation>
    </message>
    <message>
        <source>Amend and vote again</source>
        <translation>Amend and vote again</translation>
    </message>
    <message>
        <source>New round, same wording</source>
        <translation>New round, same wording</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>can be recorded</source>
        <translation>can be recorded</translation>
    </message>
    <message>
        <source>already recorded</source>
        <translation>already recorded</translation>
    </message>
    <message>
        <source>changed in the workshop since this export: not recordable</source>
        <translation>changed in the workshop since this export: not recordable</translation>
    </message>
    <message>
        <source>no clause of this workshop has this reference</source>
        <translation>no clause of this workshop has this reference</translation>
    </message>
    <message>
        <source>no longer adopted: not recordable</source>
        <translation>no longer adopted: not recordable</translation>
    </message>
    <message>
        <source>wording unchanged: nothing to record</source>
        <translation>wording unchanged: nothing to record</translation>
    </message>
    <message>
        <source>Import a review</source>
        <translation>Import a review</translation>
    </message>
    <message>
        <source>“{name}”: {n} reviewed article(s), {m} item(s) outside articles.</source>
        <translation>“{name}”: {n} reviewed article(s), {m} item(s) outside articles.</translation>
    </message>
    <message>
        <source>The article bookmarks are gone: articles were found by their visible reference.</source>
        <translation>The article bookmarks are gone: articles were found by their visible reference.</translation>
    </message>
    <message>
        <source>Nothing from a reviewer in this document.</source>
        <translation>Nothing from a reviewer in this document.</translation>
    </message>
    <message>
        <source>Tick the articles whose reviewed wording becomes an amendment proposed by “Legal review”; nothing is recorded otherwise.</source>
        <translation>Tick the articles whose reviewed wording becomes an amendment proposed by “Legal review”; nothing is recorded otherwise.</translation>
    </message>
    <message>
        <source>Ref.</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Outside articles</source>
        <translation>Outside articles</translation>
    </message>
    <message>
        <source>Record {n} amendment(s)</source>
        <translation>Record {n} amendment(s)</translation>
    </message>
    <message>
        <source>Choose the reviewed document</source>
        <translation>Choose the reviewed document</translation>
    </message>
</context>
<context>
    <name>RosterPreviewDialog</name>
    <message>
        <source>Add a list of participants</source>
        <translation>Add a list of participants</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>College</source>
        <translation>College</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Lines that will not be added:</source>
        <translation>Lines that will not be added:</translation>
    </message>
    <message>
        <source>Create the colleges that do not exist yet</source>
        <translation>Create the colleges that do not exist yet</translation>
    </message>
    <message>
        <source>College for lines without one:</source>
        <translation>College for lines without one:</translation>
    </message>
    <message>
        <source>none: refuse these lines</source>
        <translation>none: refuse these lines</translation>
    </message>
    <message>
        <source>Colleges of the list that do not exist: send each to a college of the workshop</source>
        <translation>Colleges of the list that do not exist: send each to a college of the workshop</translation>
    </message>
    <message>
        <source>not mapped (refused, or created if ticked above)</source>
        <translation>not mapped (refused, or created if ticked above)</translation>
    </message>
    <message>
        <source>%1 (new college)</source>
        <translation>%1 (new college)</translation>
    </message>
    <message>
        <source>Participants to add: %1.</source>
        <translation>Participants to add: %1.</translation>
    </message>
    <message>
        <source>Lines not added: %1 (the reasons are below).</source>
        <translation>Lines not added: %1 (the reasons are below).</translation>
    </message>
    <message>
        <source>New colleges: %1.</source>
        <translation>New colleges: %1.</translation>
    </message>
    <message>
        <source>Add these participants (%1)</source>
        <translation>Add these participants (%1)</translation>
    </message>
</context>
<context>
    <name>SecretPrompt</name>
    <message>
        <source>key {n}</source>
        <extracomment>Seconds the secret prompt waits for a choice before clearing itself.</extracomment>
        <translation>key {n}</translation>
    </message>
    <message>
        <source>This screen clears itself in {n} s without a choice.</source>
        <translation>This screen clears itself in {n} s without a choice.</translation>
    </message>
    <message>
        <source>Secret ballot</source>
        <translation>Secret ballot</translation>
    </message>
    <message>
        <source>Choose on your own: nobody else looks at the screen while you vote.</source>
        <translation>Choose on your own: nobody else looks at the screen while you vote.</translation>
    </message>
    <message>
        <source>Cancel: not this person</source>
        <translation>Cancel: not this person</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>&amp;Workshop and agenda</source>
        <translation>&amp;Workshop and agenda</translation>
    </message>
    <message>
        <source>C&amp;olleges</source>
        <translation>C&amp;olleges</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Language of the charter</source>
        <translation>Language of the charter</translation>
    </message>
    <message>
        <source>Intended status of the charter</source>
        <translation>Intended status of the charter</translation>
    </message>
    <message>
        <source>e.g. mutual insurance, retail</source>
        <translation>e.g. mutual insurance, retail</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Default ballot settings</source>
        <translation>Default ballot settings</translation>
    </message>
    <message>
        <source>Decision method</source>
        <translation>Decision method</translation>
    </message>
    <message>
        <source>How votes are taken</source>
        <translation>How votes are taken</translation>
    </message>
    <message>
        <source>Abstentions</source>
        <translation>Abstentions</translation>
    </message>
    <message>
        <source>Double majority</source>
        <translation>Double majority</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>count abstentions in the base</source>
        <translation>count abstentions in the base</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>in every college</source>
        <translation>in every college</translation>
    </message>
    <message>
        <source>in at least this many colleges:</source>
        <translation>in at least this many colleges:</translation>
    </message>
    <message>
        <source>Start of the day</source>
        <translation>Start of the day</translation>
    </message>
    <message>
        <source>For instance 09:00 or 9h30</source>
        <translation>For instance 09:00 or 9h30</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Break after</source>
        <translation>Break after</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>Planned time</translation>
    </message>
    <message>
        <source>no break</source>
        <translation>no break</translation>
    </message>
    <message>
        <source>Break after %1</source>
        <translation>Break after %1</translation>
    </message>
    <message>
        <source>A clause must also win in the colleges, so that no group is outvoted.</source>
        <translation>A clause must also win in the colleges, so that no group is outvoted.</translation>
    </message>
    <message>
        <source>ends at %1</source>
        <translation>ends at %1</translation>
    </message>
    <message>
        <source>Number of colleges</source>
        <translation>Number of colleges</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source> participants</source>
        <translation> participants</translation>
    </message>
    <message>
        <source>Below this number of people taking part, the ballot is postponed.</source>
        <translation>Below this number of people taking part, the ballot is postponed.</translation>
    </message>
    <message>
        <source>Agenda (planned minutes)</source>
        <translation>Agenda (planned minutes)</translation>
    </message>
    <message>
        <source>College</source>
        <translation>College</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Each college keeps its colour on the matrix and in the results; its name is always shown next to the colour. A college with participants cannot be removed: move them to another college first.</source>
        <translation>Each college keeps its colour on the matrix and in the results; its name is always shown next to the colour. A college with participants cannot be removed: move them to another college first.</translation>
    </message>
    <message>
        <source>Add a college…</source>
        <translation>Add a college…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Change the colour…</source>
        <translation>Change the colour…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Name of a new participant</source>
        <translation>Name of a new participant</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>Function of the new participant</source>
        <translation>Function of the new participant</translation>
    </message>
    <message>
        <source>College of the new participant</source>
        <translation>College of the new participant</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add this participant (Return in the name field)</source>
        <translation>Add this participant (Return in the name field)</translation>
    </message>
    <message>
        <source>Paste a list</source>
        <translation>Paste a list</translation>
    </message>
    <message>
        <source>Copy the cells in the spreadsheet (name, function, college), then click here or press Ctrl+V in the table.</source>
        <translation>Copy the cells in the spreadsheet (name, function, college), then click here or press Ctrl+V in the table.</translation>
    </message>
    <message>
        <source>Import a CSV file…</source>
        <translation>Import a CSV file…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>Erase personal data…</source>
        <translation>Erase personal data…</translation>
    </message>
    <message>
        <source>GDPR right to erasure: the person's name, function and pseudonym are erased from the workshop file and its backups for good; their votes and reservations stay, unattributed. Cannot be undone.</source>
        <translation>GDPR right to erasure: the person's name, function and pseudonym are erased from the workshop file and its backups for good; their votes and reservations stay, unattributed. Cannot be undone.</translation>
    </message>
    <message>
        <source>Arrivals and departures: click the Present box, or select a row and press Space. Type the first letters of a name to go to it.</source>
        <translation>Arrivals and departures: click the Present box, or select a row and press Space. Type the first letters of a name to go to it.</translation>
    </message>
    <message>
        <source>Nobody is registered yet: type a name above, paste a list copied from a spreadsheet (name, function, college), or import a CSV file.</source>
        <translation>Nobody is registered yet: type a name above, paste a list copied from a spreadsheet (name, function, college), or import a CSV file.</translation>
    </message>
    <message>
        <source>&amp;Participants (%1)</source>
        <translation>&amp;Participants (%1)</translation>
    </message>
    <message>
        <source>Not available with consent (one objection already postpones) nor with a secret ballot (only totals are kept).</source>
        <translation>Not available with consent (one objection already postpones) nor with a secret ballot (only totals are kept).</translation>
    </message>
    <message>
        <source>Binding, with sanctions: the CSE must be consulted and the charter filed before it applies (Code du travail, L1321-4).</source>
        <translation>Binding, with sanctions: the CSE must be consulted and the charter filed before it applies (Code du travail, L1321-4).</translation>
    </message>
    <message>
        <source>Explains and recommends; no sanction, so no formal consultation is required.</source>
        <translation>Explains and recommends; no sanction, so no formal consultation is required.</translation>
    </message>
    <message>
        <source>Total planned: %1</source>
        <translation>Total planned: %1</translation>
    </message>
    <message>
        <source>%1 present out of %2</source>
        <translation>%1 present out of %2</translation>
    </message>
    <message>
        <source>New college</source>
        <translation>New college</translation>
    </message>
    <message>
        <source>Name of the college:</source>
        <translation>Name of the college:</translation>
    </message>
    <message>
        <source>Rename the college</source>
        <translation>Rename the college</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <source>Colour of the college %1</source>
        <translation>Colour of the college %1</translation>
    </message>
    <message>
        <source>Add a college first.</source>
        <translation>Add a college first.</translation>
    </message>
    <message>
        <source>Remove %1 from the participants?</source>
        <translation>Remove %1 from the participants?</translation>
    </message>
    <message>
        <source>Erase the personal data of %1 for good? Their name, function and pseudonym disappear from this workshop and its backups; their votes and reservations stay, unattributed. This cannot be undone.</source>
        <translation>Erase the personal data of %1 for good? Their name, function and pseudonym disappear from this workshop and its backups; their votes and reservations stay, unattributed. This cannot be undone.</translation>
    </message>
    <message>
        <source>The clipboard holds no text: copy the cells in the spreadsheet first (name, function, college).</source>
        <translation>The clipboard holds no text: copy the cells in the spreadsheet first (name, function, college).</translation>
    </message>
    <message>
        <source>Import a list of participants</source>
        <translation>Import a list of participants</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>There is nobody to add in this list.</source>
        <translation>There is nobody to add in this list.</translation>
    </message>
</context>
<context>
    <name>SetupView</name>
    <message>
        <source>A vote is already open on "{title}": close it before opening this one.</source>
        <extracomment>The quorum fractions a facilitator may pick (statutes rarely ask for anything else).</extracomment>
        <translation>A vote is already open on "{title}": close it before opening this one.</translation>
    </message>
    <message>
        <source>Consent has no abstentions and no double majority: one objection is enough to send the clause back.</source>
        <translation>Consent has no abstentions and no double majority: one objection is enough to send the clause back.</translation>
    </message>
    <message>
        <source>A secret ballot keeps only the totals, so it cannot check a majority in each college.</source>
        <translation>A secret ballot keeps only the totals, so it cannot check a majority in each college.</translation>
    </message>
    <message>
        <source>Decision rule</source>
        <translation>Decision rule</translation>
    </message>
    <message>
        <source>How votes are taken</source>
        <translation>How votes are taken</translation>
    </message>
    <message>
        <source>Majority of</source>
        <translation>Majority of</translation>
    </message>
    <message>
        <source>Abstentions count in the base (they weigh as “not for”)</source>
        <translation>Abstentions count in the base (they weigh as “not for”)</translation>
    </message>
    <message>
        <source>Majority per college</source>
        <translation>Majority per college</translation>
    </message>
    <message>
        <source>No: the overall count decides</source>
        <translation>No: the overall count decides</translation>
    </message>
    <message>
        <source>Yes: a majority in every college</source>
        <translation>Yes: a majority in every college</translation>
    </message>
    <message>
        <source>Yes: a majority in at least N colleges</source>
        <translation>Yes: a majority in at least N colleges</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>A quorum is required</source>
        <translation>A quorum is required</translation>
    </message>
    <message>
        <source>people</source>
        <translation>people</translation>
    </message>
    <message>
        <source>of the registered members</source>
        <translation>of the registered members</translation>
    </message>
    <message>
        <source>Casting vote</source>
        <translation>Casting vote</translation>
    </message>
    <message>
        <source>On a tie, the chair's vote decides</source>
        <translation>On a tie, the chair's vote decides</translation>
    </message>
    <message>
        <source>Open the vote</source>
        <translation>Open the vote</translation>
    </message>
    <message>
        <source>Go to the open vote</source>
        <translation>Go to the open vote</translation>
    </message>
    <message>
        <source>Back to the last result</source>
        <translation>Back to the last result</translation>
    </message>
</context>
<context>
    <name>SlideCanvas</name>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After (amendment)</source>
        <translation>After (amendment)</translation>
    </message>
    <message>
        <source>%1 of %2 have voted</source>
        <translation>%1 of %2 have voted</translation>
    </message>
</context>
<context>
    <name>SuggestionCard</name>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add this action to the plan</source>
        <translation>Add this action to the plan</translation>
    </message>
</context>
<context>
    <name>VariantSwitch</name>
    <message>
        <source>Leaning: {lean}</source>
        <translation>Leaning: {lean}</translation>
    </message>
    <message>
        <source>Position: {coordinates}</source>
        <translation>Position: {coordinates}</translation>
    </message>
    <message>
        <source>✓ current wording</source>
        <translation>✓ current wording</translation>
    </message>
    <message>
        <source>The wording cannot change while the vote is open.</source>
        <translation>The wording cannot change while the vote is open.</translation>
    </message>
    <message>
        <source>The current wording is amended: switching variant replaces it.</source>
        <translation>The current wording is amended: switching variant replaces it.</translation>
    </message>
    <message>
        <source>Why a group would choose it:</source>
        <translation>Why a group would choose it:</translation>
    </message>
    <message>
        <source>Justification of the restriction (proportionate to its aim, L1121-1):</source>
        <translation>Justification of the restriction (proportionate to its aim, L1121-1):</translation>
    </message>
    <message>
        <source>No justification is stated for this restriction.</source>
        <translation>No justification is stated for this restriction.</translation>
    </message>
    <message>
        <source>Legal basis (pointers for the lawyers, not legal advice):</source>
        <translation>Legal basis (pointers for the lawyers, not legal advice):</translation>
    </message>
    <message>
        <source>Points of attention:</source>
        <translation>Points of attention:</translation>
    </message>
    <message>
        <source>Changes from the current wording:</source>
        <translation>Changes from the current wording:</translation>
    </message>
    <message>
        <source>monitoring: employees informed beforehand, CSE consulted</source>
        <translation>monitoring: employees informed beforehand, CSE consulted</translation>
    </message>
    <message>
        <source>sanctions: binding only through the work rules procedure (CSE opinion, filing)</source>
        <translation>sanctions: binding only through the work rules procedure (CSE opinion, filing)</translation>
    </message>
    <message>
        <source>personal data: GDPR applies</source>
        <translation>personal data: GDPR applies</translation>
    </message>
    <message>
        <source>new tools: CSE consulted</source>
        <translation>new tools: CSE consulted</translation>
    </message>
    <message>
        <source>whistleblowing: a lawful alert can never be restricted</source>
        <translation>whistleblowing: a lawful alert can never be restricted</translation>
    </message>
    <message>
        <source>The wording was amended. Replace it with this variant's text? The amendment history is kept.</source>
        <translation>The wording was amended. Replace it with this variant's text? The amendment history is kept.</translation>
    </message>
    <message>
        <source>Use this variant's wording</source>
        <translation>Use this variant's wording</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Charter Workshop</source>
        <translation>Charter Workshop</translation>
    </message>
    <message>
        <source>Write your social media charter together, step by step, offline.</source>
        <translation>Write your social media charter together, step by step, offline.</translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation>New workshop</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Demonstration workshop</source>
        <translation>Demonstration workshop</translation>
    </message>
    <message>
        <source>Open a workshop</source>
        <translation>Open a workshop</translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>Import a bundle</translation>
    </message>
    <message>
        <source>New workshop file</source>
        <translation>New workshop file</translation>
    </message>
</context>
<context>
    <name>WorkshopController</name>
    <message>
        <source>This workshop is open read-only (another window has it open): nothing was changed. Open a copy to work on it.</source>
        <translation>This workshop is open read-only (another window has it open): nothing was changed. Open a copy to work on it.</translation>
    </message>
    <message>
        <source>Save the open workshop as</source>
        <translation>Save the open workshop as</translation>
    </message>
</context>
<context>
    <name>WrapupPage</name>
    <message>
        <source>Decisions</source>
        <extracomment>From this page width on, decisions and alerts sit side by side.</extracomment>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Coherence</source>
        <translation>Coherence</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Draft charter (DOCX)</source>
        <translation>Draft charter (DOCX)</translation>
    </message>
    <message>
        <source>Minutes (PDF)</source>
        <translation>Minutes (PDF)</translation>
    </message>
    <message>
        <source>Votes (CSV)</source>
        <translation>Votes (CSV)</translation>
    </message>
    <message>
        <source>CSE pack (DOCX)</source>
        <translation>CSE pack (DOCX)</translation>
    </message>
    <message>
        <source>Rounds (CSV)</source>
        <translation>Rounds (CSV)</translation>
    </message>
    <message>
        <source>Pseudonymise</source>
        <translation>Pseudonymise</translation>
    </message>
    <message>
        <source>Pseudonymisation: every participant under their pseudonym, no function, no facilitator's name, in the text and the file's properties. The file is still personal data (GDPR recital 26): it is not anonymised.</source>
        <translation>Pseudonymisation: every participant under their pseudonym, no function, no facilitator's name, in the text and the file's properties. The file is still personal data (GDPR recital 26): it is not anonymised.</translation>
    </message>
    <message>
        <source>Clean text</source>
        <translation>Clean text</translation>
    </message>
    <message>
        <source>Draft charter: the adopted text only. Unticked, each amendment is shown as a Word tracked change over the library text, in the name of the proposing group.</source>
        <translation>Draft charter: the adopted text only. Unticked, each amendment is shown as a Word tracked change over the library text, in the name of the proposing group.</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>vote in progress</source>
        <translation>vote in progress</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>not decided</translation>
    </message>
    <message>
        <source>Clauses adopted: %1 of %2</source>
        <translation>Clauses adopted: %1 of %2</translation>
    </message>
    <message>
        <source>actions in the plan: %1</source>
        <translation>actions in the plan: %1</translation>
    </message>
    <message>
        <source>adopted charter at support %1, control %2</source>
        <translation>adopted charter at support %1, control %2</translation>
    </message>
    <message>
        <source>target at support %1, control %2</source>
        <translation>target at support %1, control %2</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Nothing to report.</source>
        <translation>Nothing to report.</translation>
    </message>
    <message>
        <source>Save the draft charter</source>
        <translation>Save the draft charter</translation>
    </message>
    <message>
        <source>Save the minutes</source>
        <translation>Save the minutes</translation>
    </message>
    <message>
        <source>Save the votes</source>
        <translation>Save the votes</translation>
    </message>
    <message>
        <source>Save the CSE consultation pack</source>
        <translation>Save the CSE consultation pack</translation>
    </message>
    <message>
        <source>Save the rounds</source>
        <translation>Save the rounds</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Writing the file…</translation>
    </message>
    <message>
        <source>File written: %1</source>
        <translation>File written: %1</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>The export failed: %1</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Charter Workshop</source>
        <translation>Charter Workshop</translation>
    </message>
    <message>
        <source>Open a copy</source>
        <translation>Open a copy</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation>New workshop</translation>
    </message>
    <message>
        <source>Social media charter workshop</source>
        <translation>Social media charter workshop</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Language of the charter</source>
        <translation>Language of the charter</translation>
    </message>
    <message>
        <source>Where to keep the workshop file</source>
        <translation>Where to keep the workshop file</translation>
    </message>
    <message>
        <source>Add a reservation</source>
        <translation>Add a reservation</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Reservation</translation>
    </message>
    <message>
        <source>(no college)</source>
        <translation>(no college)</translation>
    </message>
    <message>
        <source>Voiced by</source>
        <translation>Voiced by</translation>
    </message>
    <message>
        <source>Pseudonymise</source>
        <translation>Pseudonymise</translation>
    </message>
    <message>
        <source>One text may still name someone. Correct it before exporting, or export anyway.</source>
        <translation>One text may still name someone. Correct it before exporting, or export anyway.</translation>
    </message>
    <message>
        <source>%1 texts may still name someone. Correct them before exporting, or export anyway.</source>
        <translation>%1 texts may still name someone. Correct them before exporting, or export anyway.</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>Export anyway</translation>
    </message>
</context>
</TS>