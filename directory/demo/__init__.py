"""The demo region that `manage.py load_demo_region` loads: Saxon and Berlin organisations
modelled on the five source pages in the product brief, plus invented neighbours so that
search, filters and the map have something to show. Every person, e-mail address and phone
number in here is invented."""
