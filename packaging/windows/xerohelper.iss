; Inno Setup script: xerohelper's Windows installer, per user (no administrator rights needed), with a
; Start-menu entry, an optional desktop icon and an uninstaller. Built on a Windows runner by
; .github/workflows/package.yml after PyInstaller has made dist\xerohelper\:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\xerohelper.iss      -> dist\xerohelper-0.1.0-setup.exe
;
; The version is passed in (the workflow reads it from `xerohelper --version`); it is written nowhere here.
; Uninstalling removes the program folder and the shortcuts; the user's own data (settings, journal, logs
; under %LOCALAPPDATA%\xerohelper, the sign-in in Windows Credential Manager) stays, as on Linux and macOS.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\xerohelper.iss
#endif

[Setup]
AppId={{6F1B7E0C-2B7D-4C8E-9E55-0B1E2D7C4A11}
AppName=xerohelper
AppVersion={#AppVersion}
AppVerName=xerohelper {#AppVersion}
AppPublisher=xerohelper
DefaultDirName={autopf}\xerohelper
DefaultGroupName=xerohelper
DisableProgramGroupPage=yes
; per-user install: {autopf} is %LOCALAPPDATA%\Programs, nothing needs an administrator
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=xerohelper-{#AppVersion}-setup
SetupIconFile=..\icons\xerohelper.ico
UninstallDisplayIcon={app}\xerohelper.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\xerohelper\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\xerohelper"; Filename: "{app}\xerohelper.exe"; Comment: "Post your shop's daily till takings into Xero"
Name: "{group}\xerohelper demo shop"; Filename: "{app}\xerohelper.exe"; Parameters: "--demo"; Comment: "Try xerohelper with a practice Xero"
Name: "{autodesktop}\xerohelper"; Filename: "{app}\xerohelper.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\xerohelper.exe"; Description: "{cm:LaunchProgram,xerohelper}"; Flags: nowait postinstall skipifsilent
