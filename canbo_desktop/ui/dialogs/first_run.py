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
from canbo_desktop.services import refdata
from canbo_desktop.services.database import Database
from canbo_desktop.services.demo import create_demo_database
from canbo_desktop.services.setup import MIN_PASSWORD, init_office
from canbo_desktop.ui.widgets.fields import CodeCombo
from canbo_desktop.ui.widgets.screen import fit_window, text_size


class _Choice(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Chào mừng đến với Cán bộ Desktop")
        self.setSubTitle("Cơ sở dữ liệu này còn trống. Anh/chị muốn bắt đầu thế nào?")
        v = QVBoxLayout(self)
        self.own = QRadioButton("Khởi tạo cho đơn vị của tôi (nhập thông tin đơn vị và tài khoản quản trị)")
        self.demo = QRadioButton("Dùng thử với dữ liệu mẫu: một huyện, khoảng 2.000 cán bộ (tài khoản admin / canbo2026)")
        self.own.setChecked(True)
        v.addWidget(self.own)
        v.addWidget(self.demo)
        v.addStretch(1)

    def nextId(self) -> int:  # noqa: N802
        return FirstRunWizard.DONE if self.demo.isChecked() else FirstRunWizard.OFFICE


class _Office(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Đơn vị của anh/chị")
        self.setSubTitle("Mã đơn vị theo danh mục (ví dụ mã xã theo QĐ 19/2025) và tên đầy đủ như trên văn bản.")
        form = QFormLayout(self)
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.name.setPlaceholderText("ví dụ: Ủy ban nhân dân xã Thanh Hà")
        self.kind = CodeCombo(refdata.shipped_list("unit_kind"), allow_empty=False)
        self.kind.set_value("xa")
        self.place = QLineEdit()
        self.place.setPlaceholderText("địa danh ghi trên văn bản, ví dụ: Thanh Hà")
        self.symbol = QLineEdit()
        self.symbol.setPlaceholderText("ký hiệu, ví dụ: UBND")
        form.addRow("Mã đơn vị", self.code)
        form.addRow("Tên đơn vị", self.name)
        form.addRow("Loại đơn vị", self.kind)
        form.addRow("Địa danh", self.place)
        form.addRow("Ký hiệu văn bản", self.symbol)
        self.registerField("code*", self.code)
        self.registerField("name*", self.name)


class _Admin(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Tài khoản quản trị")
        self.setSubTitle(f"Người quản trị tạo các tài khoản khác. Mật khẩu ít nhất {MIN_PASSWORD} ký tự.")
        form = QFormLayout(self)
        self.user = QLineEdit("quantri")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        form.addRow("Tên đăng nhập", self.user)
        form.addRow("Mật khẩu", self.password)
        form.addRow("Nhập lại mật khẩu", self.again)
        form.addRow(self.error)

    def validatePage(self) -> bool:  # noqa: N802
        if not self.user.text().strip():
            self.error.setText("Nhập tên đăng nhập.")
            return False
        if len(self.password.text()) < MIN_PASSWORD:
            self.error.setText(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")
            return False
        if self.password.text() != self.again.text():
            self.error.setText("Hai lần nhập mật khẩu không khớp.")
            return False
        self.error.setText("")
        return True


class _Done(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Sẵn sàng")
        self.setSubTitle("Bấm “Hoàn tất” để tạo cơ sở dữ liệu.")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        QVBoxLayout(self).addWidget(self.error)


class FirstRunWizard(QWizard):
    CHOICE, OFFICE, ADMIN, DONE = range(4)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Khởi tạo Cán bộ Desktop")
        self.choice, self.office, self.admin, self.done_page = _Choice(), _Office(), _Admin(), _Done()
        for pid, page in ((self.CHOICE, self.choice), (self.OFFICE, self.office), (self.ADMIN, self.admin),
                          (self.DONE, self.done_page)):
            self.setPage(pid, page)
        for which, text in ((QWizard.WizardButton.NextButton, "Tiếp >"), (QWizard.WizardButton.BackButton, "< Quay lại"),
                            (QWizard.WizardButton.FinishButton, "Hoàn tất"), (QWizard.WizardButton.CancelButton, "Huỷ")):
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
