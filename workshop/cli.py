"""The command line: `charter-workshop` (also `python -m workshop`).

Errors are one line on stderr: exit 2 for a usage error, 1 for a failure (bad file, bad
input). A traceback means a bug, never a user's mistake.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.errors import WorkshopError
from workshop.i18n import get_language, set_language, tr
from workshop.model import label

if TYPE_CHECKING:  # the CLI imports the session lazily, to start fast
    from workshop.session import Session


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors on one line with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: {message}\n")
        raise SystemExit(2)


def _plural(words: str, n: int, lang: str) -> str:
    """« adoptée » → « adoptées » for several (French participles agree with « clauses »)."""
    if lang != "fr" or n < 2:
        return words
    first, _, rest = words.partition(" ")
    first = first if first.endswith("s") or first == "en" else first + "s"
    return f"{first} {rest}".strip()


def _summary(session: Session) -> str:
    from workshop import snapshot

    snap = snapshot.load(session.conn, with_audit=False)
    w = snap.workshop
    lang = get_language()  # the user's language, not the workshop's
    statuses: dict[str, int] = {}
    for clause in snap.clauses:
        key = label(clause.status, lang) if clause.status else tr("en attente", "pending")
        statuses[key] = statuses.get(key, 0) + 1
    status_text = ", ".join(f"{n} {_plural(k, n, lang)}" for k, n in statuses.items()) or "—"
    present = sum(p.present for p in snap.participants)
    ballots = sum(len(c.ballots) for c in snap.clauses)
    return "\n".join(
        [
            f"« {w.title} » — {w.organisation}"
            if lang == "fr"
            else f'"{w.title}" — {w.organisation}',
            tr(
                f"  {len(snap.participants)} participants ({present} présents) dans "
                f"{len(snap.colleges)} collèges",
                f"  {len(snap.participants)} participants ({present} present) in "
                f"{len(snap.colleges)} colleges",
            ),
            tr(
                f"  {len(snap.clauses)} clauses ({status_text}), {ballots} tours de vote",
                f"  {len(snap.clauses)} clauses ({status_text}), {ballots} ballot rounds",
            ),
            tr(
                f"  plan d’accompagnement : {len(snap.actions)} actions",
                f"  accompaniment plan: {len(snap.actions)} actions",
            ),
        ]
    )


def cmd_new(args: argparse.Namespace) -> int:
    from workshop.operations import setup

    session = setup.create(args.file, args.title, args.organisation, args.lang)
    session.close()
    print(tr(f"Atelier créé : {args.file}", f"Workshop created: {args.file}"))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from workshop import demo

    session = demo.build(args.file, args.lang)
    try:
        print(
            tr(
                f"Atelier de démonstration créé : {args.file}",
                f"Demo workshop created: {args.file}",
            )
        )
        print(_summary(session))
    finally:
        session.close()
    return 0


def _full_check(session: Session, path: str) -> None:
    """SQLite's full integrity check and the foreign keys, after what open_readonly checks
    (header, schema, every row): ``check`` and ``export`` share it, so nothing is written
    from a file that ``check`` would refuse."""
    from workshop.errors import FileRefused

    problems = session.file.integrity_check()
    if problems:
        detail = " ".join(str(problems[0]).split())[:120]
        raise FileRefused(
            f"{Path(path).name} : intégrité compromise ({detail}).",
            f"{Path(path).name}: integrity check failed ({detail}).",
        )


def cmd_check(args: argparse.Namespace) -> int:
    from workshop.schema import SCHEMA_VERSION
    from workshop.session import Session
    from workshop.workshopfile import check_file

    version = check_file(args.file)
    session = Session.open_readonly(args.file)
    try:
        _full_check(session, args.file)
        note = (
            ""
            if version == SCHEMA_VERSION
            else tr(
                f" (sera mis à jour au format {SCHEMA_VERSION} à l’ouverture)",
                f" (will be upgraded to format {SCHEMA_VERSION} when opened)",
            )
        )
        print(
            tr(
                f"{args.file} : intègre, format {version}{note}",
                f"{args.file}: sound, format {version}{note}",
            )
        )
        print(_summary(session))
    finally:
        session.close()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from workshop import snapshot
    from workshop.exports.common import ExportOptions
    from workshop.session import Session

    if not (args.json or args.docx or args.pdf or args.csv or args.rounds or args.cse_pack):
        raise WorkshopError(
            "Précisez au moins un fichier de sortie (--docx, --pdf, --csv, --rounds, --json ou"
            " --cse-pack).",
            "Give at least one output file (--docx, --pdf, --csv, --rounds, --json or --cse-pack).",
        )
    from workshop import exports

    options = ExportOptions(anonymize=args.pseudonymise, tracked_changes=not args.clean_text)
    session = Session.open_readonly(args.file)
    try:
        _full_check(session, args.file)  # the checks of `check`, before anything is written
        snap = snapshot.load(session.conn)
        for line in exports.review(snap, options):  # the facilitator reviews them; still export
            print(tr(f"Attention : {line}", f"Warning: {line}"), file=sys.stderr)
        written = []
        for key, target in (
            ("charter", args.docx),
            ("minutes", args.pdf),
            ("votes", args.csv),
            ("rounds", args.rounds),
            ("bundle", args.json),
            ("cse_pack", args.cse_pack),
        ):
            if target:
                extra = {"template": args.template} if key in ("charter", "cse_pack") else {}
                written.append(exports.run(key, snap, target, options, **extra))
    finally:
        session.close()
    for path in written:
        print(tr(f"Exporté : {path}", f"Exported: {path}"))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from workshop import bundle

    session = bundle.import_bundle(Path(args.bundle), args.file)
    try:
        print(tr(f"Atelier importé : {args.file}", f"Workshop imported: {args.file}"))
        print(_summary(session))
    finally:
        session.close()
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from workshop.review.command import run

    return run(args.file, args.reviewed, record=args.record, only=args.only)


def cmd_library(args: argparse.Namespace) -> int:
    from workshop.library import validate_file

    library = validate_file(args.path)
    variants = sum(len(c.variants) for c in library.clauses)
    print(
        tr(
            f"{args.path} : bibliothèque valide ({library.language}), {len(library.themes)} thèmes, "
            f"{len(library.clauses)} clauses, {variants} variantes",
            f"{args.path}: valid library ({library.language}), {len(library.themes)} themes, "
            f"{len(library.clauses)} clauses, {variants} variants",
        )
    )
    return 0


def _no_display() -> bool:
    """True on Linux without a display server (the GUI cannot start there)."""
    import os

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


#: How to start the console, given by the launcher (ui/launcher.py): the domain never
#: imports the UI, so ``python -m workshop`` alone has no console.
GuiStarter = Callable[[str | None, bool], int]
_gui_starter: GuiStarter | None = None


def _start_gui(path: str | None, *, demo: bool = False) -> int:
    if _gui_starter is None:
        raise WorkshopError(
            "La console ne s’ouvre pas depuis « python -m workshop » : lancez "
            "« charter-workshop » (ou « python -m ui »).",
            "The console does not open from 'python -m workshop': run 'charter-workshop' "
            "(or 'python -m ui').",
        )
    if _no_display():
        raise WorkshopError(
            "Aucun écran disponible (ni DISPLAY ni WAYLAND_DISPLAY) : lancez l’application "
            "depuis une session graphique.",
            "No display available (neither DISPLAY nor WAYLAND_DISPLAY): start the application "
            "from a graphical session.",
        )
    return _gui_starter(path, demo)


def cmd_serve(args: argparse.Namespace) -> int:
    from workshop.remote.serve import serve

    cards = {"links": args.cards, "codes": args.code_cards, "pseudonymise": args.pseudonymise}
    if not (args.cards or args.code_cards):
        cards = {}
    return serve(args.file, args.host, args.port, issue_links=args.issue_links, cards=cards)


def cmd_gui(args: argparse.Namespace) -> int:
    return _start_gui(args.file)


def cmd_run(args: argparse.Namespace) -> int:
    """What `make run` does: ensure the demo workshop exists, say where, open the console."""
    from workshop import demo
    from workshop.errors import FileLocked
    from workshop.paths import demo_path
    from workshop.session import Session

    path = demo_path(args.lang)
    if path.exists():
        try:
            session = Session.open(path)
        except FileLocked:  # the demo is open in another window: work in a copy of it
            from workshop.copies import copy_of_locked

            path = copy_of_locked(path)
            session = Session.open(path)
            print(
                tr(
                    f"L’atelier de démonstration est déjà ouvert ; copie ouverte : {path}",
                    f"The demo workshop is already open; opening a copy: {path}",
                )
            )
        else:
            print(tr(f"Atelier de démonstration : {path}", f"Demo workshop: {path}"))
    else:
        session = demo.build(path, args.lang)
        print(tr(f"Atelier de démonstration créé : {path}", f"Demo workshop created: {path}"))
    try:
        print(_summary(session))
    finally:
        session.close()
    if args.no_gui:
        return 0
    return _start_gui(str(path))


class _Version(argparse.Action):
    """``--version``: read from the installed metadata only when asked (starts fast)."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        from workshop.about import version

        print(f"charter-workshop {version()}")
        parser.exit(0)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="charter-workshop",
        description=tr(
            "Atelier Charte : co-construire la charte médias sociaux de l’entreprise.",
            "Charter Workshop: co-design a company's social media charter.",
        ),
    )
    parser.add_argument("--lang-ui", choices=["fr", "en"], help=argparse.SUPPRESS)
    parser.add_argument("--version", action=_Version, help=tr("version", "version"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("gui", help=tr("ouvrir l’application", "open the application"))
    p.add_argument("file", nargs="?")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser(
        "run",
        help=tr(
            "préparer et ouvrir l’atelier de démonstration", "set up and open the demo workshop"
        ),
    )
    p.add_argument("--lang", choices=["fr", "en"], default="fr")
    p.add_argument(
        "--no-gui",
        action="store_true",
        help=tr("sans ouvrir la console", "without opening the console"),
    )
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("new", help=tr("créer un atelier vide", "create an empty workshop"))
    p.add_argument("file")
    p.add_argument("--title", required=True)
    p.add_argument("--organisation", "--organization", required=True)
    p.add_argument("--lang", choices=["fr", "en"], default="fr")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser(
        "demo", help=tr("créer l’atelier de démonstration", "create the demo workshop")
    )
    p.add_argument("file")
    p.add_argument("--lang", choices=["fr", "en"], default="fr")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("check", help=tr("vérifier un fichier d’atelier", "check a workshop file"))
    p.add_argument("file")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("export", help=tr("exporter un atelier", "export a workshop"))
    p.add_argument("file")
    p.add_argument("--docx", metavar="OUT.docx", help=tr("projet de charte", "draft charter"))
    p.add_argument("--pdf", metavar="OUT.pdf", help=tr("compte rendu", "minutes"))
    p.add_argument(
        "--csv",
        metavar="OUT.csv",
        help=tr("votes, un choix par ligne", "votes, one choice per row"),
    )
    p.add_argument(
        "--rounds", metavar="OUT.csv", help=tr("tours, un par ligne", "rounds, one per row")
    )
    p.add_argument("--json", metavar="OUT.json", help=tr("sauvegarde complète", "complete backup"))
    p.add_argument(
        "--cse-pack", metavar="OUT.docx", help=tr("dossier de consultation du CSE", "CSE pack")
    )
    p.add_argument(
        "--pseudonymise",
        "--pseudonymize",
        dest="pseudonymise",
        action="store_true",
        help=tr(
            "pseudonymiser : pseudonymes à la place des noms, ni fonction ni nom de l’animateur",
            "pseudonymise: pseudonyms instead of names, no function, no facilitator's name",
        ),
    )
    # former name, kept so scripts keep working (it never anonymised: RGPD/GDPR recital 26)
    p.add_argument(
        "--anonymize", "--anonymise", dest="pseudonymise", action="store_true",
        help=argparse.SUPPRESS,
    )  # fmt: skip
    p.add_argument("--template", metavar="T.docx", help=tr("modèle DOCX", "DOCX template"))
    p.add_argument(
        "--clean-text",
        action="store_true",
        help=tr(
            "projet de charte : texte adopté seul, sans les amendements en modifications suivies",
            "draft charter: the adopted text only, amendments not shown as tracked changes",
        ),
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "import",
        help=tr("créer un atelier depuis un export JSON", "create a workshop from a JSON export"),
    )
    p.add_argument("bundle")
    p.add_argument("file")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("serve", help=tr("servir le vote par téléphone", "serve voting from phones"))
    p.add_argument("file")
    p.add_argument(
        "--host",
        help=tr(
            "adresse (défaut : la 1re du réseau local)",
            "address (default: the first on the local network)",
        ),
    )
    p.add_argument("--port", type=int, default=8765)
    p.add_argument(
        "--issue-links",
        action="store_true",
        help=tr(
            "remettre et afficher un lien par participant", "issue and print a link per participant"
        ),
    )
    p.add_argument(
        "--cards",
        metavar="LINKS.pdf",
        help=tr(
            "imprimer une carte de lien par participant (remplace les liens)",
            "print a link card per participant (replaces the links)",
        ),
    )
    p.add_argument(
        "--code-cards",
        metavar="CODES.pdf",
        help=tr(
            "imprimer les cartes de codes par collège (remplace les codes)",
            "print the code cards per college (replaces the codes)",
        ),
    )
    p.add_argument(
        "--pseudonymise",
        "--pseudonymize",
        action="store_true",
        help=tr("pseudonymes sur les cartes de lien", "pseudonyms on the link cards"),
    )
    p.set_defaults(func=cmd_serve)  # fmt: skip

    p = sub.add_parser(
        "review",
        help=tr(
            "lire la relecture d’un avocat (DOCX) : modifications et commentaires par clause",
            "read a lawyer's review (DOCX): changes and comments per clause",
        ),
    )
    p.add_argument("file")
    p.add_argument("reviewed", metavar="REVIEWED.docx")
    p.add_argument(
        "--record",
        action="store_true",
        help=tr(
            "enregistrer les articles modifiés comme amendements « Relecture juridique »",
            'record the changed articles as "Legal review" amendments',
        ),
    )
    p.add_argument("--only", nargs="+", metavar="C7", help=tr("ces articles", "these articles"))
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("library", help=tr("bibliothèque de clauses", "clause library"))
    lib = p.add_subparsers(dest="library_command", parser_class=_Parser, required=True)
    v = lib.add_parser(
        "validate", help=tr("valider un fichier TOML de clauses", "validate a TOML clause file")
    )
    v.add_argument("path")
    v.set_defaults(func=cmd_library)
    return parser


def main(argv: Sequence[str] | None = None, *, start_gui: GuiStarter | None = None) -> int:
    """Entry point; returns the exit code (0 ok, 1 failure, 2 usage).

    ``start_gui`` opens the console (the launcher passes it); without it the commands that
    need the console say where to find it.
    """
    global _gui_starter
    _gui_starter = start_gui
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].lower().endswith(".charter"):  # a double-clicked file: the console
        argv.insert(0, "gui")
    args = parser.parse_args(argv)
    if args.lang_ui:
        set_language(args.lang_ui)
    if args.command is None:
        args.func = cmd_gui
        args.file = None
    try:
        code = args.func(args)
        sys.stdout.flush()  # a reader that went away (`| head`) shows here, not at exit
        return code
    except BrokenPipeError:
        # https://docs.python.org/3/library/signal.html#note-on-sigpipe: nobody reads any
        # more; point stdout at devnull so that the flush at exit raises nothing either.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except WorkshopError as error:
        sys.stderr.write(f"charter-workshop: {error}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("charter-workshop: interrompu / interrupted\n")
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
