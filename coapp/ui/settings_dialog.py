"""Preferences: language (and with it the decimal separator), hours format, holiday country, the
colour scheme (the system's, light or dark; applied at once), and everyday life's: the tray,
reminders, quiet hours and time away (coapp.ui.desktop.preferences)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from coapp.base.settings import Settings
from coapp.domain.durations import HoursFormat
from coapp.domain.public_holidays import COUNTRIES
from coapp.ui.desktop.preferences import DesktopPreferences

_COUNTRY_NAMES = {
    "SE": "Sverige / Sweden",
    "NO": "Norge / Norway",
    "DK": "Danmark / Denmark",
    "FI": "Suomi / Finland",
}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox(objectName="languageCombo")
        self.language.addItem("Svenska (7,5)", "sv")
        self.language.addItem("English (7.5)", "en")
        self.hours = QComboBox(objectName="hoursFormatCombo")
        self.hours.addItem(self.tr("Decimal hours (7,5)"), HoursFormat.DECIMAL)
        self.hours.addItem(self.tr("Hours and minutes (7:30)"), HoursFormat.CLOCK)
        self.country = QComboBox(objectName="holidayCountryCombo")
        for code in COUNTRIES:
            self.country.addItem(_COUNTRY_NAMES[code], code)
        self.theme = QComboBox(objectName="themeCombo")
        self.theme.addItem(self.tr("As the system"), "system")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.language.setToolTip(self.tr("The language of the window and of new documents"))
        self.hours.setToolTip(self.tr("How hours are shown and typed in the timesheet"))
        self.country.setToolTip(self.tr("Whose public holidays the timesheet marks and skips"))
        self.theme.setToolTip(self.tr("Light, dark, or as the system's setting"))
        for combo, value in (
            (self.language, settings.language),
            (self.hours, settings.hours_format),
            (self.country, settings.holiday_country),
            (self.theme, settings.theme),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        form = QFormLayout(self)
        form.addRow(self.tr("&Language and number format"), self.language)
        restart_note = QLabel(self.tr("The window changes language at once; undo starts afresh."))
        restart_note.setObjectName("languageNote")
        restart_note.setWordWrap(True)
        form.addRow("", restart_note)
        form.addRow(self.tr("&Hours shown as"), self.hours)
        form.addRow(self.tr("Public &holidays of"), self.country)
        form.addRow(self.tr("&Colours"), self.theme)
        for label_text, combo in (
            (self.tr("Language"), self.language),
            (self.tr("Hours format"), self.hours),
            (self.tr("Holiday country"), self.country),
            (self.tr("Colour scheme"), self.theme),
        ):
            combo.setAccessibleName(label_text)
        self.desktop = DesktopPreferences(settings, form, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(self.tr("Use these preferences"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(
            self.tr("Close without changing anything")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._base = settings

    def chosen(self) -> Settings:
        return self.desktop.chosen(self._base).with_changes(
            language=self.language.currentData(),
            hours_format=HoursFormat(self.hours.currentData()),
            holiday_country=self.country.currentData(),
            theme=self.theme.currentData(),
        )
