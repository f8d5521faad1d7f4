# expect: partnership:p1 | at least two kg:partner
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX article: <https://w3id.org/newskg/id/article/>
PREFIX person: <https://w3id.org/newskg/id/person/>
PREFIX organisation: <https://w3id.org/newskg/id/organisation/>
PREFIX location: <https://w3id.org/newskg/id/location/>
PREFIX post: <https://w3id.org/newskg/id/post/>
PREFIX meeting: <https://w3id.org/newskg/id/meeting/>
PREFIX partnership: <https://w3id.org/newskg/id/partnership/>
PREFIX evidence: <https://w3id.org/newskg/id/evidence/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { partnership:p1 kg:partner organisation:ministry }
