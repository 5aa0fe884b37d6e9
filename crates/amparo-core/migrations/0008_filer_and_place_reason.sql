-- Who files and who serves: the packet's "pro se" tick becomes the filer's
-- role, and the certificate of service says whether the filer serves it
-- (someone already named as server stays the server). A declaration signed
-- away from where its declarant lives keeps the reason why.

UPDATE packets SET body = json_set(
    json_remove(body, '$.filer.proSe'),
    '$.filer.role',
    CASE WHEN json_extract(body, '$.filer.proSe') THEN 'proSe' ELSE 'attorney' END,
    '$.service.byFiler',
    json(CASE WHEN trim(coalesce(json_extract(body, '$.service.serverName'), '')) = ''
         THEN 'true' ELSE 'false' END)
);

ALTER TABLE statements ADD COLUMN place_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE signed_versions ADD COLUMN place_reason TEXT NOT NULL DEFAULT '';
