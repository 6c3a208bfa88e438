<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Workshop files and the demonstration workshop</source>
        <translation>Fichiers des ateliers et atelier de démonstration</translation>
    </message>
    <message>
        <source>Settings (language, recent files)</source>
        <translation>Réglages (langue, fichiers récents)</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
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
        <translation>Animer un atelier de co-construction de la charte des médias sociaux d’une entreprise, hors ligne.</translation>
    </message>
    <message>
        <source>Free software under the %1 licence.</source>
        <translation>Logiciel libre sous licence %1.</translation>
    </message>
    <message>
        <source>Qt %1 through PySide6.</source>
        <translation>Qt %1 par PySide6.</translation>
    </message>
    <message>
        <source>Qt and PySide6 are used under the LGPL-3.0: their libraries are separate files in the program folder and can be replaced.</source>
        <translation>Qt et PySide6 sont utilisés sous licence LGPL-3.0 : leurs bibliothèques sont des fichiers distincts dans le dossier du programme et peuvent être remplacées.</translation>
    </message>
    <message>
        <source>Full text</source>
        <translation>Texte intégral</translation>
    </message>
    <message>
        <source>About Charter Workshop</source>
        <translation>À propos d’Atelier Charte</translation>
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
        <translation>Type</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>to be set</source>
        <translation>à définir</translation>
    </message>
</context>
<context>
    <name>AmendEditor</name>
    <message>
        <source>(nobody in particular)</source>
        <translation>(personne en particulier)</translation>
    </message>
    <message>
        <source>The wording cannot change while the vote is open.</source>
        <translation>La rédaction ne peut pas changer pendant que le vote est ouvert.</translation>
    </message>
    <message>
        <source>{added} word(s) added, {removed} removed.</source>
        <translation>Mots ajoutés&#xa0;: {added}&#xa0;; mots supprimés&#xa0;: {removed}.</translation>
    </message>
    <message>
        <source>Objections and reservations of round {n}</source>
        <translation>Objections et réserves du tour {n}</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Réserve</translation>
    </message>
    <message>
        <source>Amendment history ({n})</source>
        <translation>Historique des amendements ({n})</translation>
    </message>
    <message>
        <source>No amendment yet.</source>
        <translation>Aucun amendement pour l’instant.</translation>
    </message>
    <message>
        <source>Amendment {n}</source>
        <translation>Amendement {n}</translation>
    </message>
    <message>
        <source>proposed by {college}</source>
        <translation>proposé par {college}</translation>
    </message>
    <message>
        <source>reason: {reason}</source>
        <translation>motif&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Proposed wording</source>
        <translation>Rédaction proposée</translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation>Avant / après</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Proposé par</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Why the group changes the wording</source>
        <translation>Pourquoi le groupe modifie la rédaction</translation>
    </message>
    <message>
        <source>Record the amendment</source>
        <translation>Enregistrer l’amendement</translation>
    </message>
    <message>
        <source>Start again from the current wording</source>
        <translation>Repartir de la rédaction actuelle</translation>
    </message>
</context>
<context>
    <name>BallotPanel</name>
    <message>
        <source>After an undo the recorded marks are cleared: record again any college you are unsure of (it replaces its numbers).</source>
        <translation>Après une annulation, les marques «&#xa0;enregistré&#xa0;» sont effacées&#xa0;: enregistrez de nouveau tout collège dont vous doutez (ses chiffres seront remplacés).</translation>
    </message>
    <message>
        <source>Round {n}: how will the group decide?</source>
        <translation>Tour {n}&#xa0;: comment le groupe va-t-il décider&#xa0;?</translation>
    </message>
    <message>
        <source>Set the rule before opening the vote: {present} participants are present.</source>
        <translation>Fixez la règle avant d’ouvrir le vote. Présents&#xa0;: {present}.</translation>
    </message>
    <message>
        <source>{mark} Vote in progress — round {n}</source>
        <translation>{mark} Vote en cours — tour {n}</translation>
    </message>
    <message>
        <source>Close the vote…</source>
        <translation>Clore le vote…</translation>
    </message>
    <message>
        <source>Cancel this round…</source>
        <translation>Annuler ce tour…</translation>
    </message>
    <message>
        <source>After an undo the recorded choices are no longer shown: a voter&apos;s card only says whether they have voted.</source>
        <extracomment>How the session words undo and redo events (French and English workshops).</extracomment>
        <translation>Après une annulation, les choix enregistrés ne sont plus affichés : la carte d’un votant indique seulement s’il a voté.</translation>
    </message>
    <message>
        <source>Count the raised cards, type each college&apos;s numbers and record them. Recorded numbers stay here, on this screen only, to check or correct until the vote closes; the projection never shows them.</source>
        <translation>Comptez les cartons levés, saisissez les nombres de chaque collège et enregistrez-les. Les nombres enregistrés restent ici, sur cet écran seulement, pour vérifier ou corriger jusqu’à la clôture du vote ; la projection ne les montre jamais.</translation>
    </message>
    <message>
        <source>{done} of {n} colleges recorded</source>
        <translation>Collèges enregistrés&#xa0;: {done} sur {n}</translation>
    </message>
    <message>
        <source>✓ has voted</source>
        <translation>✓ a voté</translation>
    </message>
    <message>
        <source>○ not voted yet</source>
        <translation>○ pas encore voté</translation>
    </message>
    <message>
        <source>Each voter in turn touches their name, then chooses on the private screen. Only the totals are kept.</source>
        <translation>Chaque votant, à tour de rôle, touche son nom puis choisit sur l’écran privé. Seuls les totaux sont conservés.</translation>
    </message>
    <message>
        <source>Touch your name, then your choice. Keyboard: arrows or the first letters of a name, then 1, 2 or 3.</source>
        <translation>Touchez votre nom, puis votre choix. Au clavier&#xa0;: flèches ou premières lettres d’un nom, puis 1, 2 ou 3.</translation>
    </message>
    <message>
        <source>{voted} of {n} have voted</source>
        <translation>Ont voté&#xa0;: {voted} sur {n}</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Tour</translation>
    </message>
    <message>
        <source>Decision rule</source>
        <translation>Règle de décision</translation>
    </message>
    <message>
        <source>Votes taken</source>
        <translation>Mode de recueil</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>vote in progress</source>
        <translation>vote en cours</translation>
    </message>
    <message>
        <source>Touch a name first, then the choice.</source>
        <translation>Touchez d’abord un nom, puis le choix.</translation>
    </message>
    <message>
        <source>{name} has already voted « {choice} »: nothing changed.</source>
        <translation>{name} a déjà voté «&#xa0;{choice}&#xa0;»&#xa0;: rien n’a changé.</translation>
    </message>
    <message>
        <source>{name} has already voted « {old} ». Change the vote to « {new} »?</source>
        <translation>{name} a déjà voté «&#xa0;{old}&#xa0;». Changer le vote en «&#xa0;{new}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>{name} has already voted (the choice is not known here after an undo or a restart). Replace the vote with « {new} »?</source>
        <translation>{name} a déjà voté (le choix n’est plus connu ici après une annulation ou un redémarrage). Remplacer le vote par «&#xa0;{new}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>{name}: vote unchanged.</source>
        <translation>{name}&#xa0;: vote inchangé.</translation>
    </message>
    <message>
        <source>{name}&apos;s vote changed: {old} → {new}.</source>
        <translation>Vote de {name} modifié&#xa0;: {old} → {new}.</translation>
    </message>
    <message>
        <source>{name}&apos;s vote replaced: now {new}.</source>
        <translation>Vote de {name} remplacé&#xa0;: désormais {new}.</translation>
    </message>
    <message>
        <source>{name}: vote recorded.</source>
        <translation>{name}&#xa0;: vote enregistré.</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>What is the objection? It will be recorded with the round.</source>
        <translation>Quelle est l’objection&#xa0;? Elle sera consignée avec le tour.</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Réserve</translation>
    </message>
    <message>
        <source>What is the reservation? It will be recorded with the round.</source>
        <translation>Quelle est la réserve&#xa0;? Elle sera consignée avec le tour.</translation>
    </message>
    <message>
        <source>No vote recorded: the reason is needed.</source>
        <translation>Aucun vote enregistré&#xa0;: le motif est obligatoire.</translation>
    </message>
    <message>
        <source>Secret vote recorded. Next voter, please.</source>
        <translation>Vote secret enregistré. Au votant suivant.</translation>
    </message>
    <message>
        <source>No vote recorded.</source>
        <translation>Aucun vote enregistré.</translation>
    </message>
    <message>
        <source>Close the vote? The result will be shown to everyone.</source>
        <translation>Clore le vote&#xa0;? Le résultat sera affiché pour tous.</translation>
    </message>
    <message>
        <source>{n} voter(s) have not voted yet.</source>
        <translation>Votants n’ayant pas encore voté&#xa0;: {n}.</translation>
    </message>
    <message>
        <source>Cancel this round? The votes already cast in it are discarded.</source>
        <translation>Annuler ce tour&#xa0;? Les votes déjà exprimés dans ce tour seront supprimés.</translation>
    </message>
    <message>
        <source>Rounds on this clause</source>
        <translation>Tours sur cette clause</translation>
    </message>
</context>
<context>
    <name>ClausePicker</name>
    <message>
        <source>All themes</source>
        <extracomment>The keys to add, in the library&apos;s order: one or several.</extracomment>
        <translation>Tous les thèmes</translation>
    </message>
    <message>
        <source>✓ {title} (already in the review)</source>
        <translation>✓ {title} (déjà dans la revue)</translation>
    </message>
    <message>
        <source>Select a clause to read it.</source>
        <translation>Sélectionnez une clause pour la lire.</translation>
    </message>
    <message>
        <source>Add the %1 selected clauses to the review</source>
        <translation>Ajouter les %1 clauses sélectionnées à la revue</translation>
    </message>
    <message>
        <source>Add clauses from the library</source>
        <translation>Ajouter des clauses de la bibliothèque</translation>
    </message>
    <message>
        <source>Back to the clause</source>
        <translation>Retour à la clause</translation>
    </message>
    <message>
        <source>Search a word in the titles and wordings…</source>
        <translation>Chercher un mot dans les titres et les textes…</translation>
    </message>
    <message>
        <source>Add this clause to the review</source>
        <translation>Ajouter cette clause à la revue</translation>
    </message>
    <message>
        <source>No clause matches this search.</source>
        <translation>Aucune clause ne correspond à cette recherche.</translation>
    </message>
</context>
<context>
    <name>ClausesPage</name>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>Clauses of the charter ({n})</source>
        <translation>Clauses de la charte ({n})</translation>
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
        <translation>variante&#xa0;: {label} ({lean})</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>amendée</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>note&#xa0;: {note}</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>Amendments ({n})</source>
        <translation>Amendements ({n})</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>Amender</translation>
    </message>
    <message>
        <source>Remove &quot;{title}&quot; from the review? Its amendments and rounds go with it.</source>
        <translation>Retirer «&#xa0;{title}&#xa0;» de la revue&#xa0;? Ses amendements et ses tours de vote seront retirés avec elle.</translation>
    </message>
    <message>
        <source>＋ Add clauses from the library</source>
        <translation>＋ Ajouter des clauses de la bibliothèque</translation>
    </message>
    <message>
        <source>＋ Library</source>
        <translation>＋ Bibliothèque</translation>
    </message>
    <message>
        <source>Add clauses from the library</source>
        <translation>Ajouter des clauses de la bibliothèque</translation>
    </message>
    <message>
        <source>Previous clause</source>
        <translation>Clause précédente</translation>
    </message>
    <message>
        <source>Next clause</source>
        <translation>Clause suivante</translation>
    </message>
    <message>
        <source>Show or hide the list of clauses</source>
        <translation>Afficher ou masquer la liste des clauses</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Monter (Alt+Haut)</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Descendre (Alt+Bas)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Variantes</translation>
    </message>
    <message>
        <source>No clause in the review yet. Start from the library: the group picks the articles its charter needs.</source>
        <translation>Aucune clause dans la revue pour l’instant. Partez de la bibliothèque&#xa0;: le groupe choisit les articles dont sa charte a besoin.</translation>
    </message>
    <message>
        <source>Open the library</source>
        <translation>Ouvrir la bibliothèque</translation>
    </message>
</context>
<context>
    <name>CollegeDelegate</name>
    <message>
        <source>College</source>
        <translation>Collège</translation>
    </message>
</context>
<context>
    <name>CountsView</name>
    <message>
        <source>✓ recorded</source>
        <translation>✓ enregistré</translation>
    </message>
    <message>
        <source>○ to type</source>
        <translation>○ à saisir</translation>
    </message>
    <message>
        <source>{n} present</source>
        <translation>présents&#xa0;: {n}</translation>
    </message>
    <message>
        <source>⚠ {total} votes typed for {present} present: correct before recording.</source>
        <translation>⚠ Votes saisis&#xa0;: {total}&#xa0;; présents&#xa0;: {present}. Corrigez avant d’enregistrer.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Record this college&apos;s numbers (Enter in its fields)</source>
        <translation>Enregistrer les nombres de ce collège (Entrée dans ses champs)</translation>
    </message>
</context>
<context>
    <name>CriterionRow</name>
    <message>
        <source>Note: what the room said…</source>
        <translation>Commentaire&#xa0;: ce qu’a dit la salle…</translation>
    </message>
    <message>
        <source>Note on %1</source>
        <translation>Commentaire sur %1</translation>
    </message>
    <message>
        <source>Score of %1, from 1 to 5</source>
        <translation>%1&#xa0;: note de 1 à 5</translation>
    </message>
    <message>
        <source>1: %1 5: %2 Keys 1 to 5 set the score, Delete clears it.</source>
        <translation>1&#xa0;: %1 5&#xa0;: %2 Les touches 1 à 5 donnent la note, Suppr l’efface.</translation>
    </message>
    <message>
        <source>Keys 1 to 5 set the score; click the chosen score again or press Delete to clear it.</source>
        <translation>Les touches 1 à 5 donnent la note&#xa0;; cliquez de nouveau sur la note choisie ou appuyez sur Suppr pour l’effacer.</translation>
    </message>
    <message>
        <source>Tab: next criterion. Down arrow or F2: the note; Up arrow: back.</source>
        <translation>Tab : critère suivant. Flèche bas ou F2 : la note ; flèche haut : retour.</translation>
    </message>
    <message>
        <source>%1 out of 5</source>
        <translation>%1 sur 5</translation>
    </message>
</context>
<context>
    <name>DiagnosticPage</name>
    <message>
        <source>No target set yet.</source>
        <translation>Aucune cible fixée pour l’instant.</translation>
    </message>
    <message>
        <source>Current target: support %1, control %2.</source>
        <translation>Cible actuelle&#xa0;: accompagnement %1, contrôle %2.</translation>
    </message>
    <message>
        <source>Suggested by the workforce entered in the set-up (%1): %2. Press Enter or click it to keep it.</source>
        <translation>Suggéré par l’effectif saisi dans la préparation (%1) : %2. Appuyez sur Entrée ou cliquez pour le retenir.</translation>
    </message>
    <message>
        <source>Score each criterion from 1 to 5 with the room: 5 always means more of what the title names. On a focused row, keys 1 to 5 set the score.</source>
        <translation>Notez chaque critère de 1 à 5 avec la salle&#xa0;: 5 veut toujours dire davantage de ce que nomme le titre. Sur la ligne active, les touches 1 à 5 donnent la note.</translation>
    </message>
    <message>
        <source>Where the diagnostic points</source>
        <translation>Ce qu’indique le diagnostic</translation>
    </message>
    <message>
        <source>Adopt as the target</source>
        <translation>Adopter comme cible</translation>
    </message>
    <message>
        <source>The group&apos;s target becomes the suggested position; it can be moved later.</source>
        <translation>La cible du groupe devient la position suggérée&#xa0;; elle pourra être déplacée ensuite.</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Underlined: added</source>
        <extracomment>Words and the whitespace between them, kept as separate tokens so the diff can be rendered back to exactly the original texts.</extracomment>
        <translation>Souligné&#xa0;: ajouté</translation>
    </message>
    <message>
        <source>Struck through: removed</source>
        <translation>Barré&#xa0;: supprimé</translation>
    </message>
</context>
<context>
    <name>DueDateEditor</name>
    <message>
        <source>Pick in a calendar</source>
        <translation>Choisir dans un calendrier</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Sans échéance</translation>
    </message>
    <message>
        <source>Unreadable date « %1 »: type for instance 31/03/2027 or 31 March 2027.</source>
        <translation>Date illisible « %1 » : tapez par exemple 31/03/2027 ou 31 mars 2027.</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Guide — Charter Workshop</source>
        <extracomment>The guide&apos;s size cap: it is ours, but a file that grew by mistake must not freeze the UI.</extracomment>
        <translation>Guide — Atelier Charte</translation>
    </message>
    <message>
        <source>The guide is missing from this installation.</source>
        <translation>Le guide manque dans cette installation.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <source>&amp;About Charter Workshop</source>
        <translation>À &amp;propos d’Atelier Charte</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <source>Preparing the console…</source>
        <translation>Préparation de la console…</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Vérification du fichier…</translation>
    </message>
    <message>
        <source>Reading the workshop…</source>
        <translation>Lecture de l’atelier…</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Ouverture de {name}…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New workshop…</source>
        <translation>&amp;Nouvel atelier…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>Open the &amp;demonstration workshop</source>
        <translation>Ouvrir l’atelier de &amp;démonstration</translation>
    </message>
    <message>
        <source>&amp;Save a copy as…</source>
        <translation>Enregistrer une &amp;copie sous…</translation>
    </message>
    <message>
        <source>&amp;Import a bundle (JSON)…</source>
        <translation>&amp;Importer une sauvegarde (JSON)…</translation>
    </message>
    <message>
        <source>Import a re&amp;view (DOCX)…</source>
        <translation>Importer une re&amp;lecture (DOCX)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Projected view</source>
        <translation>Vue projetée</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>Read-only: changes are refused (open a copy to change it)</source>
        <translation>Lecture seule : les modifications sont refusées (ouvrez une copie pour modifier)</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Enregistrer une copie sous</translation>
    </message>
</context>
<context>
    <name>MatrixPage</name>
    <message>
        <source>Opening</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Clôture</translation>
    </message>
    <message>
        <source>%1 of %2 participants placed in this round.</source>
        <translation>Participants placés dans ce tour&#xa0;: %1 sur %2.</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(absent)</translation>
    </message>
    <message>
        <source>placed</source>
        <translation>placé</translation>
    </message>
    <message>
        <source>not placed yet</source>
        <translation>pas encore placé</translation>
    </message>
    <message>
        <source>Nobody is placed in this round yet.</source>
        <translation>Personne n’est encore placé dans ce tour.</translation>
    </message>
    <message>
        <source>Group: %1 — centre %2, spread %3</source>
        <translation>Groupe&#xa0;: %1 — centre %2, dispersion %3</translation>
    </message>
    <message>
        <source>Whole group</source>
        <translation>Tout le groupe</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Colleges</source>
        <translation>Collèges</translation>
    </message>
    <message>
        <source>✓ placed in this round, ○ not placed yet.</source>
        <translation>✓ placé dans ce tour, ○ pas encore placé.</translation>
    </message>
    <message>
        <source>Remove from the matrix</source>
        <translation>Retirer de la matrice</translation>
    </message>
    <message>
        <source>Take the selected participant off the matrix for this round.</source>
        <translation>Retire de la matrice le participant sélectionné, pour ce tour.</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Dispersion</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Placés</translation>
    </message>
    <message>
        <source>Position of each college</source>
        <translation>Position de chaque collège</translation>
    </message>
    <message>
        <source>Set the target</source>
        <translation>Fixer la cible</translation>
    </message>
    <message>
        <source>Then click on the matrix where the group wants the charter to sit.</source>
        <translation>Cliquez ensuite sur la matrice, là où le groupe veut situer la charte.</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Étiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Noms</translation>
    </message>
    <message>
        <source>Pseudonyms</source>
        <translation>Pseudonymes</translation>
    </message>
    <message>
        <source>No labels</source>
        <translation>Sans étiquette</translation>
    </message>
    <message>
        <source>Opening → closing arrows</source>
        <translation>Flèches ouverture → clôture</translation>
    </message>
    <message>
        <source>Available in the closing round.</source>
        <translation>Disponible au tour de clôture.</translation>
    </message>
    <message>
        <source>Click where the group wants the charter to sit. Escape cancels.</source>
        <translation>Cliquez là où le groupe veut situer la charte. Échap annule.</translation>
    </message>
    <message>
        <source>Click or drag to place the selected participant. Keys: arrows (Shift: finer), Enter to place, Tab for the next participant.</source>
        <translation>Cliquez ou glissez pour placer le participant sélectionné. Touches&#xa0;: flèches (Maj&#xa0;: plus fin), Entrée pour placer, Tab pour le participant suivant.</translation>
    </message>
</context>
<context>
    <name>MatrixWidget</name>
    <message>
        <source>Support/control matrix</source>
        <translation>Matrice accompagnement/contrôle</translation>
    </message>
    <message>
        <source>Horizontal axis: degree of support, 0 to 10. Vertical axis: degree of control, 0 to 10.</source>
        <translation>Axe horizontal&#xa0;: degré d’accompagnement, de 0 à 10. Axe vertical&#xa0;: degré de contrôle, de 0 à 10.</translation>
    </message>
    <message>
        <source>%1 of %2 participants placed.</source>
        <translation>Participants placés&#xa0;: %1 sur %2.</translation>
    </message>
    <message>
        <source>Target: %1.</source>
        <translation>Cible&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Selected: %1, %2.</source>
        <translation>Sélection&#xa0;: %1, %2.</translation>
    </message>
    <message>
        <source>not placed</source>
        <translation>non placé</translation>
    </message>
    <message>
        <source>Click to place the selected participant. Arrow keys move it by 0.5 (with Shift, by 0.1), Enter places it, Escape cancels, Tab changes participant, Ctrl+Tab leaves the matrix.</source>
        <translation>Un clic place le participant sélectionné. Les flèches le déplacent de 0,5 (avec Maj, de 0,1), Entrée le place, Échap annule, Tab change de participant, Ctrl+Tab quitte la matrice.</translation>
    </message>
    <message>
        <source>Click, or use the arrow keys and Enter, to set the target.</source>
        <translation>Fixez la cible d’un clic, ou avec les flèches et Entrée.</translation>
    </message>
    <message>
        <source>Diagnostic</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Support →</source>
        <translation>Accompagnement →</translation>
    </message>
    <message>
        <source>Control →</source>
        <translation>Contrôle →</translation>
    </message>
    <message>
        <source>College centre (circle: spread)</source>
        <translation>Centre du collège (cercle&#xa0;: dispersion)</translation>
    </message>
    <message>
        <source>Diagnostic suggestion</source>
        <translation>Suggestion du diagnostic</translation>
    </message>
    <message>
        <source>Opening → closing</source>
        <translation>Ouverture → clôture</translation>
    </message>
</context>
<context>
    <name>OpenView</name>
    <message>
        <source>key {n}</source>
        <translation>touche {n}</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>Name</source>
        <extracomment>Text colour of absent people (the « Absent » text and the empty box say it too). The participant&apos;s id, for views that must find a row again after a reload. The college&apos;s colour (#RRGGBB), for views that draw their own swatch.</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>College</source>
        <translation>Collège</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présent</translation>
    </message>
    <message>
        <source>May be named</source>
        <translation>Nom autorisé</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonyme</translation>
    </message>
    <message>
        <source>Double-click or press F2 to correct the name.</source>
        <translation>Double-cliquez ou appuyez sur F2 pour corriger le nom.</translation>
    </message>
    <message>
        <source>Double-click or press F2 to correct the function.</source>
        <translation>Double-cliquez ou appuyez sur F2 pour corriger la fonction.</translation>
    </message>
    <message>
        <source>Double-click or press F2 to move the participant to another college.</source>
        <translation>Double-cliquez ou appuyez sur F2 pour changer le participant de collège.</translation>
    </message>
    <message>
        <source>Click the box, or press Space on the row, to mark arrival or departure.</source>
        <translation>Cliquez sur la case, ou appuyez sur Espace sur la ligne, pour noter une arrivée ou un départ.</translation>
    </message>
    <message>
        <source>Unticked: the minutes show the pseudonym instead of the name.</source>
        <translation>Décoché&#xa0;: le compte rendu affiche le pseudonyme au lieu du nom.</translation>
    </message>
    <message>
        <source>Given once and never changed; used when a name may not be shown.</source>
        <translation>Attribué une fois pour toutes&#xa0;; utilisé quand le nom ne peut pas être affiché.</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Pseudonym: %1</source>
        <translation>Pseudonyme&#xa0;: %1</translation>
    </message>
    <message>
        <source>Present. Click or press Space to mark a departure.</source>
        <translation>Présent. Cliquez ou appuyez sur Espace pour noter un départ.</translation>
    </message>
    <message>
        <source>Absent. Click or press Space to mark an arrival.</source>
        <translation>Absent. Cliquez ou appuyez sur Espace pour noter une arrivée.</translation>
    </message>
    <message>
        <source>The minutes may show this person&apos;s name.</source>
        <translation>Le compte rendu peut afficher le nom de cette personne.</translation>
    </message>
    <message>
        <source>The minutes show the pseudonym instead of this person&apos;s name.</source>
        <translation>Le compte rendu affiche le pseudonyme au lieu du nom de cette personne.</translation>
    </message>
    <message>
        <source>Pseudonym used in the minutes when the name may not be shown.</source>
        <translation>Pseudonyme utilisé dans le compte rendu quand le nom ne peut pas être affiché.</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>A charter without training, guides, ambassadors or referents remains a dead letter: give every action an owner and a due date.</source>
        <extracomment>From this page width on, the suggestions sit beside the table rather than under it.</extracomment>
        <translation>Une charte sans formation, guides, ambassadeurs ni référents reste lettre morte&#xa0;: donnez à chaque action un responsable et une échéance.</translation>
    </message>
    <message>
        <source>Add an action</source>
        <translation>Ajouter une action</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>What the target and the diagnostic call for, and the plan still lacks.</source>
        <translation>Ce que la cible et le diagnostic appellent, et qui manque encore au plan.</translation>
    </message>
    <message>
        <source>The plan already covers everything the target and the diagnostic call for.</source>
        <translation>Le plan couvre déjà tout ce que la cible et le diagnostic appellent.</translation>
    </message>
    <message>
        <source>New action</source>
        <translation>Nouvelle action</translation>
    </message>
</context>
<context>
    <name>ProjectionPanel</name>
    <message>
        <source>Show names (else pseudonyms)</source>
        <translation>Afficher les noms (sinon les pseudonymes)</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
    <message>
        <source>Room depth:</source>
        <translation>Profondeur de la salle :</translation>
    </message>
    <message>
        <source> m</source>
        <translation>&#xa0;m</translation>
    </message>
    <message>
        <source>Distance from the screen to the back row. The smallest projected text is at least 1/200 of it tall (10 m: 5 cm on the screen).</source>
        <translation>Distance de l’écran au dernier rang. Le plus petit texte projeté mesure au moins 1/200 de cette distance (10 m : 5 cm à l’écran).</translation>
    </message>
    <message>
        <source>Message for the room (e.g. Break until 2 pm)</source>
        <translation>Message à la salle (ex.&#xa0;: Reprise à 14&#xa0;h)</translation>
    </message>
    <message>
        <source>The room is too deep for this screen: the back rows may not read the labels.</source>
        <translation>La salle est trop profonde pour cet écran : les derniers rangs risquent de ne pas lire les étiquettes.</translation>
    </message>
    <message>
        <source>Stop projecting (Esc)</source>
        <translation>Arrêter la projection (Échap)</translation>
    </message>
    <message>
        <source>Project (F5)</source>
        <translation>Projeter (F5)</translation>
    </message>
    <message>
        <source>Not projecting: preview only.</source>
        <translation>Pas de projection&#xa0;: aperçu seulement.</translation>
    </message>
    <message>
        <source>Projector screen not found: the view is hidden until it comes back.</source>
        <translation>Écran du projecteur introuvable&#xa0;: la vue est masquée jusqu’à son retour.</translation>
    </message>
    <message>
        <source>Projecting live.</source>
        <translation>Projection en direct.</translation>
    </message>
    <message>
        <source>Projection blanked to black (B).</source>
        <translation>Projection masquée&#xa0;: écran noir (B).</translation>
    </message>
    <message>
        <source>Projection blanked to white (W).</source>
        <translation>Projection masquée&#xa0;: écran blanc (W).</translation>
    </message>
    <message>
        <source>Projection frozen (F): the room sees the image kept.</source>
        <translation>Projection figée (F)&#xa0;: la salle voit l’image conservée.</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Round {n} closed</source>
        <translation>Tour {n} clos</translation>
    </message>
    <message>
        <source>Secret ballot: only the totals were kept, not who chose what.</source>
        <translation>Vote secret&#xa0;: seuls les totaux ont été conservés, pas qui a choisi quoi.</translation>
    </message>
    <message>
        <source>College</source>
        <translation>Collège</translation>
    </message>
    <message>
        <source>No vote</source>
        <translation>Non-votants</translation>
    </message>
    <message>
        <source>Majority</source>
        <translation>Majorité</translation>
    </message>
    <message>
        <source>— no vote cast</source>
        <translation>— aucun vote exprimé</translation>
    </message>
    <message>
        <source>✓ reached</source>
        <translation>✓ atteinte</translation>
    </message>
    <message>
        <source>✗ not reached</source>
        <translation>✗ non atteinte</translation>
    </message>
    <message>
        <source>— not counted: {why}</source>
        <translation>— non compté : {why}</translation>
    </message>
    <message>
        <source>All colleges</source>
        <translation>Tous les collèges</translation>
    </message>
    <message>
        <source>{passed} of {n} colleges</source>
        <translation>{passed} sur {n} collèges</translation>
    </message>
    <message>
        <source>Casting vote: {name}</source>
        <translation>Voix prépondérante : {name}</translation>
    </message>
    <message>
        <source>Add a reservation</source>
        <translation>Ajouter une réserve</translation>
    </message>
    <message>
        <source>Amend and vote again</source>
        <translation>Amender et revoter</translation>
    </message>
    <message>
        <source>New round, same wording</source>
        <translation>Nouveau tour, même rédaction</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>can be recorded</source>
        <translation>peut être enregistré</translation>
    </message>
    <message>
        <source>already recorded</source>
        <translation>déjà enregistré</translation>
    </message>
    <message>
        <source>changed in the workshop since this export: not recordable</source>
        <translation>modifié dans l’atelier depuis cet export : non enregistrable</translation>
    </message>
    <message>
        <source>no clause of this workshop has this reference</source>
        <translation>aucune clause de cet atelier ne porte cette référence</translation>
    </message>
    <message>
        <source>no longer adopted: not recordable</source>
        <translation>n’est plus adopté : non enregistrable</translation>
    </message>
    <message>
        <source>wording unchanged: nothing to record</source>
        <translation>rédaction inchangée : rien à enregistrer</translation>
    </message>
    <message>
        <source>Import a review</source>
        <translation>Importer une relecture</translation>
    </message>
    <message>
        <source>“{name}”: {n} reviewed article(s), {m} item(s) outside articles.</source>
        <translation>« {name} » : {n} article(s) relu(s), {m} élément(s) hors article.</translation>
    </message>
    <message>
        <source>The article bookmarks are gone: articles were found by their visible reference.</source>
        <translation>Les signets des articles ont disparu : les articles ont été retrouvés par leur référence visible.</translation>
    </message>
    <message>
        <source>Nothing from a reviewer in this document.</source>
        <translation>Aucune relecture dans ce document.</translation>
    </message>
    <message>
        <source>Tick the articles whose reviewed wording becomes an amendment proposed by “Legal review”; nothing is recorded otherwise.</source>
        <translation>Cochez les articles dont la rédaction relue devient un amendement proposé par « Relecture juridique » ; rien n’est enregistré sinon.</translation>
    </message>
    <message>
        <source>Ref.</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Outside articles</source>
        <translation>Hors article</translation>
    </message>
    <message>
        <source>Record {n} amendment(s)</source>
        <translation>Enregistrer {n} amendement(s)</translation>
    </message>
    <message>
        <source>Choose the reviewed document</source>
        <translation>Choisir le document relu</translation>
    </message>
</context>
<context>
    <name>RosterPreviewDialog</name>
    <message>
        <source>Add a list of participants</source>
        <translation>Ajouter une liste de participants</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>College</source>
        <translation>Collège</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Lines that will not be added:</source>
        <translation>Lignes qui ne seront pas ajoutées&#xa0;:</translation>
    </message>
    <message>
        <source>Create the colleges that do not exist yet</source>
        <translation>Créer les collèges manquants</translation>
    </message>
    <message>
        <source>College for lines without one:</source>
        <translation>Collège des lignes qui n’en ont pas&#xa0;:</translation>
    </message>
    <message>
        <source>none: refuse these lines</source>
        <translation>aucun&#xa0;: refuser ces lignes</translation>
    </message>
    <message>
        <source>Colleges of the list that do not exist: send each to a college of the workshop</source>
        <translation>Collèges de la liste qui n’existent pas : rattachez chacun à un collège de l’atelier</translation>
    </message>
    <message>
        <source>not mapped (refused, or created if ticked above)</source>
        <translation>non rattaché (refusé, ou créé si coché plus haut)</translation>
    </message>
    <message>
        <source>%1 (new college)</source>
        <translation>%1 (nouveau collège)</translation>
    </message>
    <message>
        <source>Participants to add: %1.</source>
        <translation>Participants à ajouter&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Lines not added: %1 (the reasons are below).</source>
        <translation>Lignes non ajoutées&#xa0;: %1 (motifs ci-dessous).</translation>
    </message>
    <message>
        <source>New colleges: %1.</source>
        <translation>Nouveaux collèges&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Add these participants (%1)</source>
        <translation>Ajouter ces participants (%1)</translation>
    </message>
</context>
<context>
    <name>SecretPrompt</name>
    <message>
        <source>key {n}</source>
        <extracomment>Seconds the secret prompt waits for a choice before clearing itself.</extracomment>
        <translation>touche {n}</translation>
    </message>
    <message>
        <source>This screen clears itself in {n} s without a choice.</source>
        <translation>Sans choix, cet écran s’efface dans {n}&#xa0;s.</translation>
    </message>
    <message>
        <source>Secret ballot</source>
        <translation>Vote secret</translation>
    </message>
    <message>
        <source>Choose on your own: nobody else looks at the screen while you vote.</source>
        <translation>Choisissez en toute confidentialité&#xa0;: personne d’autre ne regarde l’écran pendant votre vote.</translation>
    </message>
    <message>
        <source>Cancel: not this person</source>
        <translation>Annuler&#xa0;: mauvaise personne</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>&amp;Workshop and agenda</source>
        <translation>A&amp;telier et ordre du jour</translation>
    </message>
    <message>
        <source>C&amp;olleges</source>
        <translation>C&amp;ollèges</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Animation</translation>
    </message>
    <message>
        <source>Language of the charter</source>
        <translation>Langue de la charte</translation>
    </message>
    <message>
        <source>Intended status of the charter</source>
        <translation>Statut visé de la charte</translation>
    </message>
    <message>
        <source>e.g. mutual insurance, retail</source>
        <translation>ex.&#xa0;: mutuelle, commerce de détail</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non précisé</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non fixée</translation>
    </message>
    <message>
        <source>Default ballot settings</source>
        <translation>Règles de vote par défaut</translation>
    </message>
    <message>
        <source>Decision method</source>
        <translation>Mode de décision</translation>
    </message>
    <message>
        <source>How votes are taken</source>
        <translation>Mode de recueil</translation>
    </message>
    <message>
        <source>Abstentions</source>
        <translation>Abstentions</translation>
    </message>
    <message>
        <source>Double majority</source>
        <translation>Double majorité</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>count abstentions in the base</source>
        <translation>compter les abstentions dans la base de calcul</translation>
    </message>
    <message>
        <source>off</source>
        <translation>non</translation>
    </message>
    <message>
        <source>in every college</source>
        <translation>dans chaque collège</translation>
    </message>
    <message>
        <source>in at least this many colleges:</source>
        <translation>dans au moins ce nombre de collèges&#xa0;:</translation>
    </message>
    <message>
        <source>Start of the day</source>
        <translation>Début de la journée</translation>
    </message>
    <message>
        <source>For instance 09:00 or 9h30</source>
        <translation>Par exemple 09:00 ou 9h30</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Break after</source>
        <translation>Pause après</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>Horaire prévu</translation>
    </message>
    <message>
        <source>no break</source>
        <translation>sans pause</translation>
    </message>
    <message>
        <source>Break after %1</source>
        <translation>Pause après %1</translation>
    </message>
    <message>
        <source>A clause must also win in the colleges, so that no group is outvoted.</source>
        <translation>Une clause doit aussi l’emporter dans les collèges, pour qu’aucun groupe ne soit mis en minorité.</translation>
    </message>
    <message>
        <source>ends at %1</source>
        <translation>fin à %1</translation>
    </message>
    <message>
        <source>Number of colleges</source>
        <translation>Nombre de collèges</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source> participants</source>
        <translation> participants</translation>
    </message>
    <message>
        <source>Below this number of people taking part, the ballot is postponed.</source>
        <translation>En dessous de ce nombre de votants, le vote est reporté.</translation>
    </message>
    <message>
        <source>Agenda (planned minutes)</source>
        <translation>Ordre du jour (durées prévues en minutes)</translation>
    </message>
    <message>
        <source>College</source>
        <translation>Collège</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présents</translation>
    </message>
    <message>
        <source>Each college keeps its colour on the matrix and in the results; its name is always shown next to the colour. A college with participants cannot be removed: move them to another college first.</source>
        <translation>Chaque collège garde sa couleur sur la matrice et dans les résultats&#xa0;; son nom est toujours affiché à côté de la couleur. Un collège qui a des participants ne peut pas être supprimé&#xa0;: déplacez-les d’abord vers un autre collège.</translation>
    </message>
    <message>
        <source>Add a college…</source>
        <translation>Ajouter un collège…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Change the colour…</source>
        <translation>Changer la couleur…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Name of a new participant</source>
        <translation>Nom d’un nouveau participant</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Function of the new participant</source>
        <translation>Fonction du nouveau participant</translation>
    </message>
    <message>
        <source>College of the new participant</source>
        <translation>Collège du nouveau participant</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add this participant (Return in the name field)</source>
        <translation>Ajouter ce participant (Entrée dans le champ du nom)</translation>
    </message>
    <message>
        <source>Paste a list</source>
        <translation>Coller une liste</translation>
    </message>
    <message>
        <source>Copy the cells in the spreadsheet (name, function, college), then click here or press Ctrl+V in the table.</source>
        <translation>Copiez les cellules dans le tableur (nom, fonction, collège), puis cliquez ici ou faites Ctrl+V dans le tableau.</translation>
    </message>
    <message>
        <source>Import a CSV file…</source>
        <translation>Importer un fichier CSV…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Erase personal data…</source>
        <translation>Effacer les données personnelles…</translation>
    </message>
    <message>
        <source>GDPR right to erasure: the person&apos;s name, function and pseudonym are erased from the workshop file and its backups for good; their votes and reservations stay, unattributed. Cannot be undone.</source>
        <translation>Droit à l’effacement (RGPD) : le nom, la fonction et le pseudonyme de la personne sont effacés pour de bon du fichier de l’atelier et de ses sauvegardes ; ses votes et ses réserves restent, sans attribution. Irréversible.</translation>
    </message>
    <message>
        <source>Arrivals and departures: click the Present box, or select a row and press Space. Type the first letters of a name to go to it.</source>
        <translation>Arrivées et départs&#xa0;: cliquez sur la case Présent, ou sélectionnez une ligne et appuyez sur Espace. Tapez les premières lettres d’un nom pour y aller.</translation>
    </message>
    <message>
        <source>Nobody is registered yet: type a name above, paste a list copied from a spreadsheet (name, function, college), or import a CSV file.</source>
        <translation>Personne n’est encore inscrit&#xa0;: saisissez un nom ci-dessus, collez une liste copiée d’un tableur (nom, fonction, collège) ou importez un fichier CSV.</translation>
    </message>
    <message>
        <source>&amp;Participants (%1)</source>
        <translation>&amp;Participants (%1)</translation>
    </message>
    <message>
        <source>Not available with consent (one objection already postpones) nor with a secret ballot (only totals are kept).</source>
        <translation>Indisponible avec le consentement (une seule objection suffit à reporter) et avec le vote secret (seuls les totaux sont conservés).</translation>
    </message>
    <message>
        <source>Binding, with sanctions: the CSE must be consulted and the charter filed before it applies (Code du travail, L1321-4).</source>
        <translation>Contraignante, avec sanctions&#xa0;: le CSE doit être consulté et la charte déposée avant son entrée en vigueur (Code du travail, art. L1321-4).</translation>
    </message>
    <message>
        <source>Explains and recommends; no sanction, so no formal consultation is required.</source>
        <translation>Explique et recommande&#xa0;; sans sanction, elle n’exige aucune consultation formelle.</translation>
    </message>
    <message>
        <source>Total planned: %1</source>
        <translation>Total prévu&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 present out of %2</source>
        <translation>Présents&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>New college</source>
        <translation>Nouveau collège</translation>
    </message>
    <message>
        <source>Name of the college:</source>
        <translation>Nom du collège&#xa0;:</translation>
    </message>
    <message>
        <source>Rename the college</source>
        <translation>Renommer le collège</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <source>Colour of the college %1</source>
        <translation>Couleur du collège %1</translation>
    </message>
    <message>
        <source>Add a college first.</source>
        <translation>Ajoutez d’abord un collège.</translation>
    </message>
    <message>
        <source>Remove %1 from the participants?</source>
        <translation>Retirer %1 des participants&#xa0;?</translation>
    </message>
    <message>
        <source>Erase the personal data of %1 for good? Their name, function and pseudonym disappear from this workshop and its backups; their votes and reservations stay, unattributed. This cannot be undone.</source>
        <translation>Effacer pour de bon les données personnelles de %1 ? Son nom, sa fonction et son pseudonyme disparaissent de cet atelier et de ses sauvegardes ; ses votes et ses réserves restent, sans attribution. C’est irréversible.</translation>
    </message>
    <message>
        <source>The clipboard holds no text: copy the cells in the spreadsheet first (name, function, college).</source>
        <translation>Le presse-papiers ne contient pas de texte&#xa0;: copiez d’abord les cellules dans le tableur (nom, fonction, collège).</translation>
    </message>
    <message>
        <source>Import a list of participants</source>
        <translation>Importer une liste de participants</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>There is nobody to add in this list.</source>
        <translation>Cette liste ne contient personne à ajouter.</translation>
    </message>
</context>
<context>
    <name>SetupView</name>
    <message>
        <source>A vote is already open on &quot;{title}&quot;: close it before opening this one.</source>
        <extracomment>The quorum fractions a facilitator may pick (statutes rarely ask for anything else).</extracomment>
        <translation>Un vote est déjà ouvert sur «&#xa0;{title}&#xa0;»&#xa0;: clôturez-le avant d’ouvrir celui-ci.</translation>
    </message>
    <message>
        <source>Consent has no abstentions and no double majority: one objection is enough to send the clause back.</source>
        <translation>Le consentement n’a ni abstention ni double majorité&#xa0;: une seule objection suffit à renvoyer la clause.</translation>
    </message>
    <message>
        <source>A secret ballot keeps only the totals, so it cannot check a majority in each college.</source>
        <translation>Le vote secret ne garde que les totaux&#xa0;: il ne peut donc pas vérifier la majorité dans chaque collège.</translation>
    </message>
    <message>
        <source>Decision rule</source>
        <translation>Règle de décision</translation>
    </message>
    <message>
        <source>How votes are taken</source>
        <translation>Mode de recueil</translation>
    </message>
    <message>
        <source>Majority of</source>
        <translation>Majorité des</translation>
    </message>
    <message>
        <source>Abstentions count in the base (they weigh as “not for”)</source>
        <translation>Compter les abstentions dans la base (elles pèsent contre l’adoption)</translation>
    </message>
    <message>
        <source>Majority per college</source>
        <translation>Majorité par collège</translation>
    </message>
    <message>
        <source>No: the overall count decides</source>
        <translation>Non&#xa0;: le décompte global décide</translation>
    </message>
    <message>
        <source>Yes: a majority in every college</source>
        <translation>Oui&#xa0;: majorité dans chaque collège</translation>
    </message>
    <message>
        <source>Yes: a majority in at least N colleges</source>
        <translation>Oui&#xa0;: majorité dans au moins N collèges</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>A quorum is required</source>
        <translation>Un quorum est requis</translation>
    </message>
    <message>
        <source>people</source>
        <translation>personnes</translation>
    </message>
    <message>
        <source>of the registered members</source>
        <translation>des membres inscrits</translation>
    </message>
    <message>
        <source>Casting vote</source>
        <translation>Voix prépondérante</translation>
    </message>
    <message>
        <source>On a tie, the chair&apos;s vote decides</source>
        <translation>En cas d’égalité, la voix du président de séance l’emporte</translation>
    </message>
    <message>
        <source>Open the vote</source>
        <translation>Ouvrir le vote</translation>
    </message>
    <message>
        <source>Go to the open vote</source>
        <translation>Aller au vote en cours</translation>
    </message>
    <message>
        <source>Back to the last result</source>
        <translation>Revenir au dernier résultat</translation>
    </message>
</context>
<context>
    <name>SlideCanvas</name>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After (amendment)</source>
        <translation>Après (amendement)</translation>
    </message>
    <message>
        <source>%1 of %2 have voted</source>
        <translation>Ont voté&#xa0;: %1 sur %2</translation>
    </message>
</context>
<context>
    <name>SuggestionCard</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add this action to the plan</source>
        <translation>Ajouter cette action au plan</translation>
    </message>
</context>
<context>
    <name>VariantSwitch</name>
    <message>
        <source>Leaning: {lean}</source>
        <translation>Tendance&#xa0;: {lean}</translation>
    </message>
    <message>
        <source>Position: {coordinates}</source>
        <translation>Position&#xa0;: {coordinates}</translation>
    </message>
    <message>
        <source>✓ current wording</source>
        <translation>✓ rédaction actuelle</translation>
    </message>
    <message>
        <source>The wording cannot change while the vote is open.</source>
        <translation>La rédaction ne peut pas changer pendant que le vote est ouvert.</translation>
    </message>
    <message>
        <source>The current wording is amended: switching variant replaces it.</source>
        <translation>La rédaction actuelle est amendée&#xa0;: changer de variante la remplace.</translation>
    </message>
    <message>
        <source>Why a group would choose it:</source>
        <translation>Pourquoi un groupe la choisirait&#xa0;:</translation>
    </message>
    <message>
        <source>Justification of the restriction (proportionate to its aim, L1121-1):</source>
        <translation>Justification de la restriction (proportionnée au but recherché, L1121-1)&#xa0;:</translation>
    </message>
    <message>
        <source>No justification is stated for this restriction.</source>
        <translation>Aucune justification n’est donnée pour cette restriction.</translation>
    </message>
    <message>
        <source>Legal basis (pointers for the lawyers, not legal advice):</source>
        <translation>Fondement juridique (repères pour les juristes, pas un avis juridique)&#xa0;:</translation>
    </message>
    <message>
        <source>Points of attention:</source>
        <translation>Points d’attention&#xa0;:</translation>
    </message>
    <message>
        <source>Changes from the current wording:</source>
        <translation>Modifications par rapport à la rédaction actuelle&#xa0;:</translation>
    </message>
    <message>
        <source>monitoring: employees informed beforehand, CSE consulted</source>
        <translation>surveillance&#xa0;: salariés informés au préalable, CSE consulté</translation>
    </message>
    <message>
        <source>sanctions: binding only through the work rules procedure (CSE opinion, filing)</source>
        <translation>sanctions : contraignantes seulement par la procédure du règlement intérieur (avis du CSE, dépôt)</translation>
    </message>
    <message>
        <source>personal data: GDPR applies</source>
        <translation>données personnelles&#xa0;: le RGPD s’applique</translation>
    </message>
    <message>
        <source>new tools: CSE consulted</source>
        <translation>nouveaux outils&#xa0;: CSE consulté</translation>
    </message>
    <message>
        <source>whistleblowing: a lawful alert can never be restricted</source>
        <translation>lanceurs d’alerte&#xa0;: une alerte licite ne peut jamais être restreinte</translation>
    </message>
    <message>
        <source>The wording was amended. Replace it with this variant&apos;s text? The amendment history is kept.</source>
        <translation>La rédaction a été amendée. La remplacer par le texte de cette variante&#xa0;? L’historique des amendements est conservé.</translation>
    </message>
    <message>
        <source>Use this variant&apos;s wording</source>
        <translation>Reprendre le texte de cette variante</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Charter Workshop</source>
        <translation>Atelier Charte</translation>
    </message>
    <message>
        <source>Write your social media charter together, step by step, offline.</source>
        <translation>Rédigez ensemble votre charte réseaux sociaux, étape par étape, hors ligne.</translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation>Nouvel atelier</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <source>Demonstration workshop</source>
        <translation>Atelier de démonstration</translation>
    </message>
    <message>
        <source>Open a workshop</source>
        <translation>Ouvrir un atelier</translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>Importer une sauvegarde JSON</translation>
    </message>
    <message>
        <source>New workshop file</source>
        <translation>Nouveau fichier d’atelier</translation>
    </message>
</context>
<context>
    <name>WorkshopController</name>
    <message>
        <source>This workshop is open read-only (another window has it open): nothing was changed. Open a copy to work on it.</source>
        <translation>Cet atelier est ouvert en lecture seule (une autre fenêtre l’a ouvert) : rien n’a été modifié. Ouvrez une copie pour y travailler.</translation>
    </message>
    <message>
        <source>Save the open workshop as</source>
        <translation>Enregistrer l’atelier ouvert sous</translation>
    </message>
</context>
<context>
    <name>WrapupPage</name>
    <message>
        <source>Decisions</source>
        <extracomment>From this page width on, decisions and alerts sit side by side.</extracomment>
        <translation>Décisions</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Tours</translation>
    </message>
    <message>
        <source>Coherence</source>
        <translation>Cohérence</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Draft charter (DOCX)</source>
        <translation>Projet de charte (DOCX)</translation>
    </message>
    <message>
        <source>Minutes (PDF)</source>
        <translation>Compte rendu (PDF)</translation>
    </message>
    <message>
        <source>Votes (CSV)</source>
        <translation>Votes (CSV)</translation>
    </message>
    <message>
        <source>CSE pack (DOCX)</source>
        <translation>Dossier CSE (DOCX)</translation>
    </message>
    <message>
        <source>Rounds (CSV)</source>
        <translation>Tours (CSV)</translation>
    </message>
    <message>
        <source>Pseudonymise</source>
        <translation>Pseudonymiser</translation>
    </message>
    <message>
        <source>Pseudonymisation: every participant under their pseudonym, no function, no facilitator&apos;s name, in the text and the file&apos;s properties. The file is still personal data (GDPR recital 26): it is not anonymised.</source>
        <translation>Pseudonymisation : chaque participant sous son pseudonyme, sans fonction ni nom de l’animateur, dans le texte comme dans les propriétés du fichier. Le fichier reste une donnée personnelle (considérant 26 du RGPD) : il n’est pas anonymisé.</translation>
    </message>
    <message>
        <source>Clean text</source>
        <translation>Texte net</translation>
    </message>
    <message>
        <source>Draft charter: the adopted text only. Unticked, each amendment is shown as a Word tracked change over the library text, in the name of the proposing group.</source>
        <translation>Projet de charte : le seul texte adopté. Décoché, chaque amendement apparaît en modification suivie de Word sur le texte de la bibliothèque, au nom du collège qui l’a proposé.</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Ouvrir le fichier</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>vote in progress</source>
        <translation>vote en cours</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>pas encore décidée</translation>
    </message>
    <message>
        <source>Clauses adopted: %1 of %2</source>
        <translation>Clauses adoptées&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>actions in the plan: %1</source>
        <translation>actions au plan&#xa0;: %1</translation>
    </message>
    <message>
        <source>adopted charter at support %1, control %2</source>
        <translation>charte adoptée&#xa0;: accompagnement %1, contrôle %2</translation>
    </message>
    <message>
        <source>target at support %1, control %2</source>
        <translation>cible&#xa0;: accompagnement %1, contrôle %2</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Nothing to report.</source>
        <translation>Rien à signaler.</translation>
    </message>
    <message>
        <source>Save the draft charter</source>
        <translation>Enregistrer le projet de charte</translation>
    </message>
    <message>
        <source>Save the minutes</source>
        <translation>Enregistrer le compte rendu</translation>
    </message>
    <message>
        <source>Save the votes</source>
        <translation>Enregistrer les votes</translation>
    </message>
    <message>
        <source>Save the CSE consultation pack</source>
        <translation>Enregistrer le dossier de consultation du CSE</translation>
    </message>
    <message>
        <source>Save the rounds</source>
        <translation>Enregistrer les tours</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Écriture du fichier…</translation>
    </message>
    <message>
        <source>File written: %1</source>
        <translation>Fichier enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L’export a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Charter Workshop</source>
        <translation>Atelier Charte</translation>
    </message>
    <message>
        <source>Open a copy</source>
        <translation>Ouvrir une copie</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation>Nouvel atelier</translation>
    </message>
    <message>
        <source>Social media charter workshop</source>
        <translation>Atelier charte réseaux sociaux</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Language of the charter</source>
        <translation>Langue de la charte</translation>
    </message>
    <message>
        <source>Where to keep the workshop file</source>
        <translation>Où enregistrer le fichier de l’atelier</translation>
    </message>
    <message>
        <source>Add a reservation</source>
        <translation>Ajouter une réserve</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Réserve</translation>
    </message>
    <message>
        <source>(no college)</source>
        <translation>(aucun collège)</translation>
    </message>
    <message>
        <source>Voiced by</source>
        <translation>Exprimée par</translation>
    </message>
    <message>
        <source>Pseudonymise</source>
        <translation>Pseudonymiser</translation>
    </message>
    <message>
        <source>One text may still name someone. Correct it before exporting, or export anyway.</source>
        <translation>Un texte nomme peut-être encore quelqu’un. Corrigez-le avant d’exporter, ou exportez quand même.</translation>
    </message>
    <message>
        <source>%1 texts may still name someone. Correct them before exporting, or export anyway.</source>
        <translation>%1 textes nomment peut-être encore quelqu’un. Corrigez-les avant d’exporter, ou exportez quand même.</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>Exporter quand même</translation>
    </message>
</context>
</TS>
