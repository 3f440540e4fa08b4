/* Opt-in map: no tile is requested from the tile host before the visitor clicks
   "show map". Boxes that htmx swaps in later are set up the same way. */
(function () {
  "use strict";

  var consented = false;

  function popupContent(marker) {
    var wrapper = document.createElement("div");
    var link = document.createElement("a");
    link.href = marker.url;
    link.textContent = marker.name;
    var organisation = document.createElement("div");
    organisation.textContent = marker.organisation;
    var address = document.createElement("div");
    address.textContent = marker.address;
    wrapper.append(link, organisation, address);
    return wrapper;
  }

  function showMap(box) {
    var canvas = box.querySelector("[data-map-canvas]");
    if (!canvas || canvas.dataset.mapShown || typeof L === "undefined") {
      return;
    }
    canvas.dataset.mapShown = "1";
    box.querySelector("[data-map-ask]").hidden = true;
    canvas.hidden = false;
    var markers = JSON.parse(document.getElementById(box.dataset.mapMarkers).textContent);
    var map = L.map(canvas, { scrollWheelZoom: false });
    L.tileLayer(box.dataset.tileUrl, { attribution: box.dataset.attribution, maxZoom: 19 }).addTo(map);
    var points = markers.map(function (marker) {
      var point = [marker.latitude, marker.longitude];
      L.marker(point, { title: marker.name, alt: marker.name, keyboard: true })
        .bindPopup(popupContent(marker))
        .addTo(map);
      return point;
    });
    if (points.length === 1) {
      map.setView(points[0], 15);
    } else {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 15 });
    }
  }

  function setUp(root) {
    root.querySelectorAll("[data-map]").forEach(function (box) {
      if (box.dataset.mapReady) {
        return;
      }
      box.dataset.mapReady = "1";
      box.querySelector("[data-map-nojs]").hidden = true;
      box.querySelector("[data-map-ask]").hidden = false;
      box.querySelector("[data-map-show]").addEventListener("click", function () {
        consented = true;
        showMap(box);
      });
      if (consented) {
        showMap(box);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  } else {
    setUp(document);
  }
  document.addEventListener("htmx:afterSettle", function (event) { setUp(event.target); });
})();
