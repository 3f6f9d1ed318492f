// A browsable page for the OpenAPI document, self-contained (no CDN: gateways may run without internet).
export const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CATS/ICE gateway API</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:70em}h2{margin-top:1.5em}
.op{border:1px solid #ccc;border-radius:4px;margin:.4em 0;padding:.3em .6em}.m{font-weight:bold;display:inline-block;width:4.5em}
.get{color:#06c}.post{color:#080}.delete{color:#c00}code{background:#f4f4f4}details pre{white-space:pre-wrap;font-size:12px}</style></head>
<body><h1 id="t">CATS/ICE gateway API</h1><p id="d"></p><p><a href="openapi.json">openapi.json</a></p><div id="ops"></div>
<script>
fetch('openapi.json').then(r=>r.json()).then(doc=>{
  document.getElementById('t').textContent=doc.info.title;
  document.getElementById('d').textContent=doc.info.description;
  const byTag={};
  for(const [path,item] of Object.entries(doc.paths)) for(const [method,op] of Object.entries(item)){
    const tag=(op.tags||['other'])[0]; (byTag[tag]=byTag[tag]||[]).push({path,method,op});
  }
  const root=document.getElementById('ops');
  for(const [tag,ops] of Object.entries(byTag)){
    const h=document.createElement('h2'); h.textContent=tag; root.appendChild(h);
    for(const {path,method,op} of ops){
      const d=document.createElement('details'); d.className='op';
      const s=document.createElement('summary');
      s.innerHTML='<span class="m '+method+'">'+method.toUpperCase()+'</span> <code></code> ';
      s.querySelector('code').textContent='/api/v1'+path; s.append(op.summary||'');
      const pre=document.createElement('pre'); pre.textContent=JSON.stringify(op,null,2);
      d.append(s,pre); root.appendChild(d);
    }
  }
});
</script></body></html>`;
