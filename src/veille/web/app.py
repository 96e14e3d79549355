"""The FastAPI application behind `veille serve`: HTML pages and the JSON API they use, over a read-only store.

Every page has its JSON twin under `/api/...` (same data, documented at `/openapi.json` and `/docs`). Pages are
Jinja templates with autoescaping; scripts are static files (a Content-Security-Policy forbids inline code and
any other origin), and every asset ships with the package so the app works offline.
"""

from __future__ import annotations

import sqlite3
import threading
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from veille.store.db import connect
from veille.web import data

HERE = Path(str(resources.files("veille.web")))
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
       " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


class Store:
    """One read-only SQLite connection per worker thread (sqlite3 connections are not shared across threads)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        connect(self.path, readonly=True).close()  # fail early when the file is missing
        self._local = threading.local()

    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = data.prepare(connect(self.path, readonly=True))
            self._local.conn = conn
        return conn


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.autoescape = True  # every template, whatever its extension
    env.filters["q"] = lambda s: quote(str(s), safe="")
    return templates


def create_app(db_path: str | Path, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The web app over the knowledge base at `db_path`; `allowed_hosts` None means loopback names only
    (protects the local server from DNS-rebinding pages), ["*"] accepts any Host header."""
    store = Store(db_path)
    templates = _templates()
    app = FastAPI(title="veille", version="1", docs_url=None, redoc_url=None,
                  description="Cited knowledge base of actors, dated relations and copied passages. Every HTML page "
                              "has a JSON twin under /api. Read-only.")
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOOPBACK_HOSTS)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def page(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, ctx, status_code=status)

    @app.exception_handler(data.BadQuery)
    async def bad_query(request: Request, exc: data.BadQuery) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "bad query", "detail": str(exc)}, status_code=400)
        return page(request, "error.html", 400, title="Bad search query", message=str(exc), q=request.query_params.get("q", ""))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or exc.status_code not in (404, 400):
            return JSONResponse({"error": "not found" if exc.status_code == 404 else "error", "detail": exc.detail},
                                status_code=exc.status_code)
        return page(request, "error.html", exc.status_code, title="Not found" if exc.status_code == 404 else "Error",
                    message=str(exc.detail))

    # --- JSON API ---------------------------------------------------------------------------------------------

    def _search(q: str, actor: str | None, actor_type: str | None, relation: str | None, date_from: str | None,
                date_to: str | None, lang: str | None) -> dict[str, Any]:
        conn = store.conn()
        docs = data.search_documents(conn, q, actor or None, actor_type or None, relation or None, date_from or None,
                                     date_to or None, lang or None)
        actors = data.search_actors(conn, q, actor_type or None) if q.strip() and not _has_syntax(q) else []
        return {"q": q, "filters": {"actor": actor, "type": actor_type, "relation": relation, "from": date_from,
                                    "to": date_to, "lang": lang},
                "documents": docs, "actors": actors}

    @app.get("/api/search", tags=["search"], summary="Full-text search over documents and actor names/aliases")
    def api_search(q: str = "", actor: str | None = None, type: str | None = None, relation: str | None = None,
                   date_from: Annotated[str | None, Query(alias="from", description="YYYY[-MM[-DD]]")] = None,
                   date_to: Annotated[str | None, Query(alias="to", description="YYYY[-MM[-DD]]")] = None,
                   lang: str | None = None) -> dict[str, Any]:
        """Documents (accent-folded full text, FR and EN, with snippets) and actors matching `q`, filtered by the
        actor they mention (entity id), actor type, relation stated, document date range and language. A query
        FTS5 cannot parse gives 400 with the reason."""
        return _search(q, actor, type, relation, date_from, date_to, lang)

    @app.get("/api/facets", tags=["search"], summary="Values offered by the search filters")
    def api_facets() -> dict[str, Any]:
        return data.facets(store.conn()) | {"stats": data.stats(store.conn())}

    def _actor(entity_id: str) -> dict[str, Any]:
        ent = data.actor(store.conn(), entity_id)
        if ent is None:
            raise HTTPException(404, f"no actor with id {entity_id!r}")
        return ent

    @app.get("/api/actor/{entity_id}", tags=["actor"], summary="An actor: names, aliases, documents, facts")
    def api_actor(entity_id: str) -> dict[str, Any]:
        """Canonical, French and English names; aliases with why each was merged; documents; facts with quotes,
        sources, independent sources and conflicts."""
        return _actor(entity_id) | {"facts": data.facts_table(store.conn(), entity_id)}

    @app.get("/api/actor/{entity_id}/timeline", tags=["actor"], summary="The actor's dated facts for a time axis")
    def api_timeline(entity_id: str,
                     date_from: Annotated[str | None, Query(alias="from")] = None,
                     date_to: Annotated[str | None, Query(alias="to")] = None,
                     limit: Annotated[int, Query(ge=1, le=10000)] = 500) -> dict[str, Any]:
        """Facts oldest first, each with its dates, their precision (year/month/day), whether it is an event, and
        whether the interval is open at either end; undated facts last."""
        if data.entity(store.conn(), entity_id) is None:
            raise HTTPException(404, f"no actor with id {entity_id!r}")
        return data.timeline(store.conn(), entity_id, date_from, date_to, limit)

    @app.get("/api/actor/{entity_id}/graph", tags=["actor"], summary="The actor's neighbours by relation type")
    def api_graph(entity_id: str, limit: Annotated[int, Query(ge=1, le=500)] = 60) -> dict[str, Any]:
        if data.entity(store.conn(), entity_id) is None:
            raise HTTPException(404, f"no actor with id {entity_id!r}")
        return data.graph(store.conn(), entity_id, limit)

    def _doc(name: str) -> dict[str, Any]:
        doc = data.document(store.conn(), name)
        if doc is None:
            raise HTTPException(404, f"no document named {name!r}")
        return doc

    @app.get("/api/doc/{name:path}", tags=["document"], summary="A document: text, mentions, facts, copied passages")
    def api_doc(name: str) -> dict[str, Any]:
        """The text with its actor mentions, fact sources (spans) and passages shared with other documents, and
        `segments`: the text cut at every span boundary."""
        return _doc(name)

    def _copy(a: str, a_start: int, b: str, b_start: int) -> dict[str, Any]:
        view = data.copy_view(store.conn(), a, a_start, b, b_start)
        if view is None:
            raise HTTPException(404, "no copied passage between these places")
        return view

    @app.get("/api/copy", tags=["document"], summary="A copied passage side by side with the differences")
    def api_copy(a: str, a_start: int, b: str, b_start: int) -> dict[str, Any]:
        """The passage of `a` starting at `a_start` aligned with `b` at `b_start`: both texts as word pieces tagged
        same / del (only in a) / ins (only in b)."""
        return _copy(a, a_start, b, b_start)

    # --- pages ------------------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "", actor: str | None = None, type: str | None = None,
                    relation: str | None = None,
                    date_from: Annotated[str | None, Query(alias="from")] = None,
                    date_to: Annotated[str | None, Query(alias="to")] = None,
                    lang: str | None = None) -> HTMLResponse:
        result = _search(q, actor, type, relation, date_from, date_to, lang)
        conn = store.conn()
        actor_name = (data.entity(conn, actor) or {}).get("name") if actor else None
        return page(request, "search.html", title=f"{q} — veille" if q else "veille", r=result,
                    facets=data.facets(conn), stats=data.stats(conn), actor_name=actor_name,
                    api="/api/search" + (f"?{request.url.query}" if request.url.query else ""))

    @app.get("/actor/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, entity_id: str) -> HTMLResponse:
        ent = _actor(entity_id)
        return page(request, "actor.html", title=f"{ent['name']} — veille", e=ent,
                    facts=data.facts_table(store.conn(), entity_id))

    @app.get("/doc/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def doc_page(request: Request, name: str, fact: int | None = None, at: int | None = None) -> HTMLResponse:
        """`fact` highlights that fact source's span, `at` the copied passage starting at that offset."""
        doc = _doc(name)
        focus = {i for i, p in enumerate(doc["passages"]) if p["start"] == at}
        for s in doc["segments"]:
            s["hl"] = fact is not None and fact in s["facts"]
            s["focus"] = bool(focus.intersection(s["passages"]))
        return page(request, "document.html", title=f"{doc['title'] or doc['name']} — veille", d=doc,
                    actors=doc["actors"], hl_fact=fact)

    @app.get("/copy", response_class=HTMLResponse, include_in_schema=False)
    def copy_page(request: Request, a: str, a_start: int, b: str, b_start: int) -> HTMLResponse:
        view = _copy(a, a_start, b, b_start)
        return page(request, "copy.html", title=f"Copy {view['a']} ↔ {view['b']} — veille", c=view)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        """Offline API documentation (FastAPI's default page loads Swagger UI from a CDN)."""
        return page(request, "apidocs.html", title="API — veille")

    return app


def _has_syntax(q: str) -> bool:
    return data.fts_query(q) == q.strip() and bool(q.strip())
