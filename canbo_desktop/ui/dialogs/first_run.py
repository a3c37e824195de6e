"""First run on an empty database: this office, the admin account, or the demo data to try things."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from canbo_desktop.domain.errors import CanboError
from canbo_desktop.i18n import translate
from canbo_desktop.services import refdata
from canbo_desktop.services.database import Database
from canbo_desktop.services.demo import create_demo_database
from canbo_desktop.services.setup import MIN_PASSWORD, init_office
from canbo_desktop.ui.widgets.fields import CodeCombo
from canbo_desktop.ui.widgets.screen import fit_window, text_size


class _Choice(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("FirstRun", "Welcome to Cán bộ Desktop"))
        self.setSubTitle(translate("FirstRun", "This database is empty. How would you like to start?"))
        v = QVBoxLayout(self)
        self.own = QRadioButton(translate("FirstRun", "Set up for my office (enter the office details and "
                                                      "an administrator account)"))
        self.demo = QRadioButton(translate("FirstRun", "Try it with sample data: one district, about 2,000 staff "
                                                       "(account admin / canbo2026)"))
        self.own.setChecked(True)
        v.addWidget(self.own)
        v.addWidget(self.demo)
        v.addStretch(1)

    def nextId(self) -> int:  # noqa: N802
        return FirstRunWizard.DONE if self.demo.isChecked() else FirstRunWizard.OFFICE


class _Office(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("FirstRun", "Your office"))
        self.setSubTitle(translate("FirstRun", "The unit code from the code list (e.g. the commune code of "
                                               "QĐ 19/2025) and the full name as on documents."))
        form = QFormLayout(self)
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.name.setPlaceholderText(translate("FirstRun", "e.g. Ủy ban nhân dân xã Thanh Hà"))
        self.kind = CodeCombo(refdata.shipped_list("unit_kind"), allow_empty=False)
        self.kind.set_value("xa")
        self.place = QLineEdit()
        self.place.setPlaceholderText(translate("FirstRun", "place name written on documents, e.g. Thanh Hà"))
        self.symbol = QLineEdit()
        self.symbol.setPlaceholderText(translate("FirstRun", "symbol, e.g. UBND"))
        form.addRow(translate("FirstRun", "Unit code"), self.code)
        form.addRow(translate("FirstRun", "Unit name"), self.name)
        form.addRow(translate("FirstRun", "Unit type"), self.kind)
        form.addRow(translate("FirstRun", "Place name"), self.place)
        form.addRow(translate("FirstRun", "Document symbol"), self.symbol)
        self.registerField("code*", self.code)
        self.registerField("name*", self.name)


class _Admin(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("FirstRun", "Administrator account"))
        self.setSubTitle(translate("FirstRun", "The administrator creates the other accounts. "
                                               "Passwords have at least {count} characters.").format(count=MIN_PASSWORD))
        form = QFormLayout(self)
        self.user = QLineEdit("quantri")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(translate("FirstRun", "User name"), self.user)
        form.addRow(translate("FirstRun", "Password"), self.password)
        form.addRow(translate("FirstRun", "Repeat password"), self.again)
        form.addRow(self.error)

    def validatePage(self) -> bool:  # noqa: N802
        if not self.user.text().strip():
            self.error.setText(translate("FirstRun", "Enter a user name."))
            return False
        if len(self.password.text()) < MIN_PASSWORD:
            self.error.setText(translate("FirstRun", "The password must have at least {count} characters.")
                               .format(count=MIN_PASSWORD))
            return False
        if self.password.text() != self.again.text():
            self.error.setText(translate("FirstRun", "The two passwords do not match."))
            return False
        self.error.setText("")
        return True


class _Done(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("FirstRun", "Ready"))
        self.setSubTitle(translate("FirstRun", "Click “Finish” to create the database."))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        QVBoxLayout(self).addWidget(self.error)


class FirstRunWizard(QWizard):
    CHOICE, OFFICE, ADMIN, DONE = range(4)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(translate("FirstRun", "Set up Cán bộ Desktop"))
        self.choice, self.office, self.admin, self.done_page = _Choice(), _Office(), _Admin(), _Done()
        for pid, page in ((self.CHOICE, self.choice), (self.OFFICE, self.office), (self.ADMIN, self.admin),
                          (self.DONE, self.done_page)):
            self.setPage(pid, page)
        for which, text in ((QWizard.WizardButton.NextButton, translate("FirstRun", "Next >")),
                            (QWizard.WizardButton.BackButton, translate("FirstRun", "< Back")),
                            (QWizard.WizardButton.FinishButton, translate("FirstRun", "Finish")),
                            (QWizard.WizardButton.CancelButton, translate("FirstRun", "Cancel"))):
            self.setButtonText(which, text)
        self.user = "admin"
        fit_window(self, *text_size(self, 90, 33))  # at most 90 % of the screen (1366×768 at 150 %)

    def accept(self) -> None:
        """Create the office (or the demo) in the database; stay open with the reason if it fails."""
        try:
            if self.choice.demo.isChecked():
                create_demo_database(self.db, size="district", seed=1)
                self.user = "admin"
            else:
                init_office(self.db.uow(self.admin.user.text()), office_code=self.office.code.text(),
                            office_name=self.office.name.text(), admin_user=self.admin.user.text(),
                            password=self.admin.password.text(), office_kind=self.office.kind.value(),
                            place_name=self.office.place.text(), doc_symbol=self.office.symbol.text())
                self.user = self.admin.user.text().strip()
        except CanboError as exc:
            self.done_page.error.setText(exc.message)
            return
        super().accept()
