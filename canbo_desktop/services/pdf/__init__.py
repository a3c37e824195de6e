"""PDF output with reportlab and the bundled Times-compatible fonts.

What the GUI and the CLI call (each loads with one read-only unit of work, then draws):

* ``cv.load_cv(uowf, cadre_id, form="bnv"|"tctw") -> CvData``; ``cv.render_cv(data, path_or_file) -> pages``;
  ``cv.cv_pdf_bytes(data) -> bytes`` (preview).
* ``dossier.load_dossier(uowf, procedure_id, on=…, number_documents=False) -> DossierData``;
  ``dossier.render_dossier(data, path_or_file) -> pages``; ``dossier.dossier_pdf_bytes(data)``.
* ``batch.render_cv_batch(db.target, ids, out_dir=… | merged=…, progress=…, cancel=CancelToken())``,
  ``batch.unit_ids(uowf, unit_code)``, ``batch.record_export(uowf, document, ids, target)`` (audit).

``nd30`` is the shared frame of NĐ 30/2020 (page, header, title, signature, page numbers); ``layout``
the fast text flowables every document is made of.
"""
