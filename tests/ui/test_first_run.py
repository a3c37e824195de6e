"""First run on an empty database: the wizard creates the office and its admin, or loads the demo."""

from __future__ import annotations

from canbo_desktop.services.database import Database
from canbo_desktop.services.security import verify_password
from canbo_desktop.services.setup import office_info
from canbo_desktop.ui.dialogs.first_run import FirstRunWizard


def test_wizard_creates_this_office_and_the_admin(qtbot, empty_db: Database) -> None:
    wiz = FirstRunWizard(empty_db)
    qtbot.addWidget(wiz)
    wiz.show()
    assert wiz.currentId() == FirstRunWizard.CHOICE
    wiz.next()
    assert wiz.currentId() == FirstRunWizard.OFFICE
    assert not wiz.button(FirstRunWizard.WizardButton.NextButton).isEnabled()  # code and name are required
    wiz.office.code.setText("40123")
    wiz.office.name.setText("Ủy ban nhân dân xã Thanh Hà")
    wiz.office.place.setText("Thanh Hà")
    wiz.next()
    assert wiz.currentId() == FirstRunWizard.ADMIN
    wiz.admin.password.setText("ngan")
    wiz.admin.again.setText("ngan")
    wiz.next()
    assert wiz.currentId() == FirstRunWizard.ADMIN and "ít nhất" in wiz.admin.error.text()
    wiz.admin.password.setText("matkhau-dai-hon")
    wiz.admin.again.setText("matkhau-dai-hon")
    wiz.next()
    assert wiz.currentId() == FirstRunWizard.DONE
    wiz.accept()
    assert wiz.result() == FirstRunWizard.DialogCode.Accepted and wiz.user == "quantri"
    with empty_db.uow("t")() as uow:
        office = office_info(uow)
        from sqlalchemy import select

        from canbo_desktop.db.models import UserRecord

        admin = uow.session.scalars(select(UserRecord)).one()
        assert admin.role == "admin" and verify_password(admin.password_hash, "matkhau-dai-hon")
    assert office is not None and office.unit_name == "Ủy ban nhân dân xã Thanh Hà" and office.unit_code == "40123"


def test_wizard_can_load_the_demo(qtbot, empty_db: Database) -> None:
    wiz = FirstRunWizard(empty_db)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.choice.demo.setChecked(True)
    wiz.next()
    assert wiz.currentId() == FirstRunWizard.DONE
    wiz.accept()
    with empty_db.uow("t")() as uow:
        office = office_info(uow)
    assert office is not None and office.unit_name.startswith("Huyện")
