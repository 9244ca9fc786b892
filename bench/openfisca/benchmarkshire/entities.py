from openfisca_core.entities import build_entity

Person = build_entity(
    key="person",
    plural="persons",
    label="The person whose care and support is assessed",
    is_person=True,
)

entities = [Person]
