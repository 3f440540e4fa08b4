"""Demo data of the engagement module, loaded with the directory's demo region by
`manage.py load_demo_region`."""
