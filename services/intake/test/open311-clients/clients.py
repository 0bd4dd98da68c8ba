"""Drives CivicFlow's Open311 endpoint with third-party client libraries, unchanged: civicbot's Open311Client
(reads services and a definition, posts with an api_key, resolves the token, reads the request back) and
georeport's GeoReport (keyless reads in JSON and XML). Prints one JSON object of what the libraries returned."""
import json
import sys
import time

from civicbot import Endpoint, Open311Client
from georeport import GeoReport

base, api_key, lat, lng = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
out = {}

client = Open311Client(Endpoint(id="civicflow", name="CivicFlow", base_url=base, write=True))
services = client.list_services()
out["services"] = len(services)
out["definition"] = client.get_service_definition("0208")
prepared = client.create_request(
    "0208", dry_run=False, confirm="SEND", api_key=api_key, validate_remote=True,
    lat=lat, lng=lng, description="路灯不亮 street light out (civicbot)", attributes={"request_type": "complaint"},
)
receipt = prepared.response[0]
out["receipt"] = receipt
request_id = receipt.get("service_request_id")
for _ in range(120):
    if request_id:
        break
    time.sleep(0.5)
    request_id = client.get_token(receipt["token"])[0].get("service_request_id")
out["service_request_id"] = request_id
out["civicbot_request"] = client.get_request(request_id)
out["civicbot_list"] = [r["service_request_id"] for r in client.list_requests(service_request_ids=[request_id])]

for fmt in ("json", "xml"):
    geo = GeoReport(base, output_format=fmt)
    out[f"georeport_{fmt}_services"] = len(geo.get_service_list())
    out[f"georeport_{fmt}_definition"] = geo.get_service_definition("0208")
    out[f"georeport_{fmt}_request"] = geo.get_service_request(request_id)
    listed = geo.get_service_requests(service_request_id=request_id)
    out[f"georeport_{fmt}_list"] = listed if isinstance(listed, list) else [listed]

print(json.dumps(out, ensure_ascii=False, default=str))
