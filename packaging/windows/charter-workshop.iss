; Inno Setup 6 script: the Windows installer around the PyInstaller one-folder build.
; Built on Windows, from the repository (see packaging/README.md):
;   .venv\Scripts\python packaging\build.py
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\charter-workshop.iss
; Output: dist\charter-workshop-<version>-windows-x64-setup.exe
; Installs for all users (the firewall rule needs an administrator), associates .charter,
; adds a Start-menu entry, allows the phone server through the firewall from the local
; subnet only, and registers an uninstaller that removes all of it (workshops are kept).

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (pyproject.toml's version)
#endif
#define AppExe "charter-workshop.exe"
#define CliExe "charter-workshop-cli.exe"
#define ProgId "CharterWorkshop.charter"
#define FirewallRule "Atelier Charte - telephones (Charter Workshop phones)"

[Setup]
; Never change AppId: upgrades and the uninstaller find the installation by it.
AppId={{5B0E8C1D-6F2A-4C55-9D7E-3A1F0B2C4D68}
AppName=Atelier Charte — Charter Workshop
AppVersion={#AppVersion}
AppVerName=Atelier Charte {#AppVersion}
AppPublisher=Charter Workshop
DefaultDirName={autopf}\Charter Workshop
DefaultGroupName=Atelier Charte
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=charter-workshop-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\build\pyinstaller\charter-workshop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=Atelier Charte — Charter Workshop
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Code signing (optional): define a sign tool named "signtool" in the IDE or with
; ISCC /S"signtool=signtool.exe sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /a $f"
; and uncomment:
; SignTool=signtool

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
french.FileType=Atelier Charte
english.FileType=Charter Workshop file

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\charter-workshop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Atelier Charte"; Filename: "{app}\{#AppExe}"; Comment: "Charter Workshop"
Name: "{autodesktop}\Atelier Charte"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .charter -> our ProgID (HKA: HKLM for this all-users install)
Root: HKA; Subkey: "Software\Classes\.charter"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.charter"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-charter-workshop"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.charter\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:FileType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" gui ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".charter"; ValueData: ""; Flags: uninsdeletekey

[Run]
; The phone server: inbound TCP to our two programs, from the local subnet only, on every
; network profile (a room's Wi-Fi is often classed "Public": allowing only "Private" would
; leave the phones blocked). Deleted first so that a reinstall does not duplicate it.
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#FirewallRule}"""; Flags: runhidden waituntilterminated; StatusMsg: "Firewall…"
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""{#FirewallRule}"" dir=in action=allow program=""{app}\{#AppExe}"" protocol=TCP remoteip=localsubnet profile=any enable=yes"; Flags: runhidden waituntilterminated
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""{#FirewallRule}"" dir=in action=allow program=""{app}\{#CliExe}"" protocol=TCP remoteip=localsubnet profile=any enable=yes"; Flags: runhidden waituntilterminated
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,Atelier Charte}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#FirewallRule}"""; Flags: runhidden waituntilterminated; RunOnceId: "DeleteFirewallRule"
