; Inno Setup 6 script for coapp's Windows installer. Written and reviewed on Linux; build it on
; Windows (packaging/README.md):
;
;   uv run python packaging\build.py          (dist\coapp\ and build\version.iss)
;   iscc packaging\windows\coapp.iss          (dist\coapp-<version>-windows-setup.exe)
;
; Per-user by default (no administrator needed), like the data it manages; an administrator may
; choose "for all users" in the first dialog. Uninstalling keeps the user's data (time, invoices,
; contracts, settings in %LOCALAPPDATA%\coapp, platformdirs' user_data_dir) unless the user ticks
; the box that asks to delete it.

; AppVersion, AppNumericVersion and AppId, written by packaging/build.py from coapp/__init__.py and
; packaging/bundle_config.py.
#define VersionFile AddBackslash(SourcePath) + "..\..\build\version.iss"
#if FileExists(VersionFile)
  #include VersionFile
#else
  #error Run "uv run python packaging\build.py" first: it writes build\version.iss
#endif

#define AppName "coapp"
#define AppExe "coapp-gui.exe"
#define DataFolder "{localappdata}\coapp"
; Inno Setup's Swedish messages are a contributed translation, not in every installation: put
; Swedish.isl (jrsoftware.org/files/istrans) in the compiler's Languages folder to include Swedish.
#define HaveSwedish FileExists(AddBackslash(CompilerPath) + "Languages\Swedish.isl")

[Setup]
; AppId never changes: Windows finds the installed version by it (upgrades, uninstall).
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=coapp
VersionInfoVersion={#AppNumericVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-windows-setup
SetupIconFile=coapp.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
#if HaveSwedish
Name: "sv"; MessagesFile: "compiler:Languages\Swedish.isl"
#endif

[CustomMessages]
en.DeleteDataTitle=Your coapp data
en.DeleteDataText=coapp has been removed. Your time, invoices, contracts and settings are still in %1.
en.DeleteDataBox=Also delete my coapp data (this cannot be undone)
#if HaveSwedish
sv.DeleteDataTitle=Dina uppgifter i coapp
sv.DeleteDataText=coapp är borttaget. Din tid, dina fakturor, kontrakt och inställningar finns kvar i %1.
sv.DeleteDataBox=Ta även bort mina uppgifter i coapp (kan inte ångras)
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\coapp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon; AppUserModelID: "{#AppId}"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put in {app}; the data folder is handled in [Code] below.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
{ After the files are removed: offer to delete the data folder too, with a box that is not ticked.
  A silent uninstall (/SILENT, /VERYSILENT) never deletes it. }
function AskDeleteData(const Folder: String): Boolean;
var
  Form: TSetupForm;
  Text: TNewStaticText;
  Box: TNewCheckBox;
  OkButton: TNewButton;
begin
  Result := False;
  Form := CreateCustomForm();
  try
    Form.Caption := CustomMessage('DeleteDataTitle');
    Form.ClientWidth := ScaleX(420);
    Form.ClientHeight := ScaleY(150);

    Text := TNewStaticText.Create(Form);
    Text.Parent := Form;
    Text.Left := ScaleX(12);
    Text.Top := ScaleY(12);
    Text.Width := Form.ClientWidth - ScaleX(24);
    Text.AutoSize := False;
    Text.WordWrap := True;
    Text.Height := ScaleY(48);
    Text.Caption := FmtMessage(CustomMessage('DeleteDataText'), [Folder]);

    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(12);
    Box.Top := ScaleY(72);
    Box.Width := Form.ClientWidth - ScaleX(24);
    Box.Height := ScaleY(20);
    Box.Caption := CustomMessage('DeleteDataBox');
    Box.Checked := False;

    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Width := ScaleX(88);
    OkButton.Height := ScaleY(26);
    OkButton.Left := Form.ClientWidth - OkButton.Width - ScaleX(12);
    OkButton.Top := Form.ClientHeight - OkButton.Height - ScaleY(12);
    OkButton.Caption := SetupMessage(msgButtonOK);
    OkButton.ModalResult := mrOk;
    OkButton.Default := True;

    Form.ActiveControl := OkButton;
    if Form.ShowModal() = mrOk then
      Result := Box.Checked;
  finally
    Form.Free();
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Folder := ExpandConstant('{#DataFolder}');
  if UninstallSilent() or not DirExists(Folder) then
    Exit;
  if AskDeleteData(Folder) then
    DelTree(Folder, True, True, True);
end;
