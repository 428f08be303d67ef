; Inno Setup 6 script: a Windows installer for the PyInstaller bundle.
; Build the bundle first (see minusma-kiosk-windows.spec), then:  iscc minusma-kiosk.iss
; The version below must match src/minusma_kiosk/__init__.py (__version__).
#define AppVersion "0.1.0"

[Setup]
AppId={{6C1D3A5E-2B8F-4C71-9E0A-5D7B2F4A8C31}
AppName=MINUSMA — Mali since 2012
AppVersion={#AppVersion}
AppPublisher=minusma-kiosk team
DefaultDirName={autopf}\minusma-kiosk
DefaultGroupName=MINUSMA exhibit
OutputDir=..\..\dist
OutputBaseFilename=minusma-kiosk-{#AppVersion}-windows-setup
SetupIconFile=..\icons\minusma-kiosk.ico
Compression=lzma2/max
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked
Name: "kioskautostart"; Description: "Start the exhibit as a kiosk when this user logs in"; Flags: unchecked

[Files]
Source: "..\..\dist\minusma-kiosk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\MINUSMA exhibit"; Filename: "{app}\minusma-kiosk.exe"
Name: "{group}\MINUSMA exhibit (presenter)"; Filename: "{app}\minusma-kiosk.exe"; Parameters: "--mode present"
Name: "{autodesktop}\MINUSMA exhibit"; Filename: "{app}\minusma-kiosk.exe"; Tasks: desktopicon
Name: "{userstartup}\MINUSMA kiosk"; Filename: "{app}\minusma-kiosk.exe"; Parameters: "supervise -- --mode kiosk"; Tasks: kioskautostart

[Run]
Filename: "{app}\minusma-kiosk.exe"; Parameters: "self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Checking the installation…"
