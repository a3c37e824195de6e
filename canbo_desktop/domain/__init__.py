"""Pure domain layer: dataclasses, rules, Vietnamese text. No Qt, no SQLAlchemy, no reportlab."""
