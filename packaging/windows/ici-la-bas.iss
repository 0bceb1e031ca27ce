; Windows installer of Ici & Là-bas (Inno Setup 6), built by the CI workflow:
;   python -m tools.bundle dist
;   iscc /DAppVersion=X.Y.Z packaging\windows\ici-la-bas.iss
; X.Y.Z is the version written in pyproject.toml, passed in by the workflow, never typed here.
;
; A per-user install: no administrator rights, the program goes to the user's own
; programs folder (%LOCALAPPDATA%\Programs\Ici & Là-bas), the shortcut to their Start menu.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z ici-la-bas.iss
#endif
#ifndef BundleDir
  ; The onedir bundle made by python -m tools.bundle dist, from the repository's top.
  #define BundleDir "..\..\dist\ici-la-bas"
#endif
#define AppName "Ici & Là-bas"
#define AppExeName "ici-la-bas.exe"

[Setup]
; Windows knows the app by this id: a new version installed with the same id replaces the
; previous one in place (an upgrade), and one uninstaller is listed. Generated once on
; 2026-12-07. NEVER change it: another id would install a second copy beside the first.
AppId={{75C77E93-F887-4372-8A34-87F230F5D151}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Ici & Là-bas
; No administrator rights: with "lowest", {autopf} is the user's %LOCALAPPDATA%\Programs and
; {autoprograms} their own Start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExeName}
; An upgrade while the app is open: ask to close it first, never replace files in use.
CloseApplications=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=ici-la-bas-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade starts from a clean program folder: no library of the previous version is left
; beside the new ones. Only the program's own folder: the user's data is not in {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

; Uninstalling removes what [Files] and [Icons] put in place, and nothing else. The user's
; database, its backups and the log live in the data folder chosen by platformdirs
; (%LOCALAPPDATA%\IciLaBas, see core/paths.py), not in the program folder, and there is
; deliberately no [UninstallDelete] section: they stay where they are.
