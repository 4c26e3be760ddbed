#!/usr/bin/env python3
"""Generate a large, deterministic, synthetic documentation repository for benchmarking docs-lint.

Usage: python3 bench/generate.py OUT_DIR [--files 10000] [--target-mb 110]

The tree looks like a real (mostly Spanish) docs repository: docs/<area>/<subarea>/[<topic>/]*.md
with front matter, numbered and duplicate headings, lists, tables, fenced and indented code,
relative links with anchors, reference-style links, HTML links/images, backtick repo paths and
globs (`tests/test_*.py`), front-matter ids and references to them, agent names (`PagosAgent`)
with their agent cards, ExecPlans (indented command blocks, validation sections naming
`terraform validate`, progress checklists, decision logs) and external links. Small stand-in files (scripts/*.sh, src/**/*.py, tests/*.py,
infrastructure/terraform/*.tf, docs/assets/*.png) exist so that those references resolve.

About 2% of the local references are deliberately broken (missing file, wrong letter case,
missing anchor, missing backtick path). Each planted defect is recorded, with its file and line,
in OUT_DIR/.bench/planted.jsonl. Markdown-looking links inside code blocks ("decoys") are never
broken references and must not be reported.

Output is a pure function of the arguments: one random.Random(42), no clock, sorted iteration.
"""
import argparse
import json
import math
import os
import posixpath
import random
import shutil
import sys
import unicodedata

MIB = 1024 * 1024
BROKEN_RATE = 0.02

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

AREAS = {
    "arquitectura": ["decisiones", "componentes", "integraciones", "diagramas", "patrones", "evolucion"],
    "operaciones": ["runbooks", "guardias", "incidentes", "monitorizacion", "capacidad", "mantenimiento", "postmortems"],
    "seguridad": ["politicas", "auditorias", "accesos", "cifrado", "vulnerabilidades", "cumplimiento"],
    "datos": ["modelos", "canalizaciones", "calidad", "gobierno", "catalogo", "migraciones", "retencion"],
    "api": ["referencia", "versionado", "autenticacion", "errores", "webhooks", "limites"],
    "plataforma": ["kubernetes", "redes", "almacenamiento", "observabilidad", "costes", "despliegue", "ci-cd"],
    "producto": ["requisitos", "especificaciones", "roadmap", "experimentos", "metricas"],
    "calidad": ["testing", "rendimiento", "regresiones", "accesibilidad", "automatizacion", "revisiones"],
    "equipos": ["onboarding", "procesos", "rituales", "guias", "plantillas"],
    "backend": ["servicios", "colas", "cache", "base-de-datos", "facturacion", "notificaciones", "busqueda"],
    "frontend": ["componentes-ui", "estado", "internacionalizacion", "rendimiento-web", "disenio"],
    "movil": ["android", "ios", "publicacion", "sincronizacion", "notificaciones-push"],
}

TOPICS = ["legado", "v2", "borradores", "archivo", "propuestas", "anexos", "ejemplos", "piloto"]

NAME_PREFIX = ["guia", "runbook", "adr", "especificacion", "plan", "informe", "procedimiento", "notas",
               "diseno", "analisis", "checklist", "politica", "propuesta", "manual", "faq", "rfc"]
NAME_WORDS = ["cache", "sesiones", "pagos", "usuarios", "facturas", "colas", "indices", "backups",
              "replicas", "alertas", "tokens", "permisos", "reintentos", "latencia", "logs", "eventos",
              "contratos", "despliegue", "rollback", "migracion", "particiones", "cuotas", "certificados",
              "secretos", "dns", "balanceo", "escalado", "auditoria", "exportacion", "importacion",
              "notificaciones", "webhooks", "busqueda", "catalogo", "precios", "inventario", "envios",
              "clientes", "proveedores", "reportes", "metricas", "trazas", "errores", "limites",
              "consentimiento", "privacidad", "archivado", "retencion", "sincronizacion", "plantillas"]
# A few NFC-encoded non-ASCII file names, as Spanish-speaking teams do write them.
ACCENTED_NAMES = ["guía-rápida", "diseño-de-índices", "migración-de-esquemas", "señales-de-alerta",
                  "política-de-contraseñas", "configuración-básica", "últimos-cambios",
                  "año-fiscal", "pingüino-de-pruebas", "revisión-técnica"]

SUBJECTS = ["El servicio de autenticación", "La canalización de datos", "El equipo de operaciones",
            "Cada módulo", "La migración", "El clúster de producción", "Una revisión técnica",
            "El proceso de despliegue", "La configuración por defecto", "Este documento",
            "El responsable de guardia", "La tabla de auditoría", "El balanceador", "La réplica secundaria",
            "El índice de búsqueda", "Nuestro equipo", "La API pública", "El cliente móvil",
            "El módulo de facturación", "La política de retención", "El orquestador",
            "La cola de mensajes", "El job nocturno", "La caché distribuida", "El área de producción",
            "La compañía", "El diseño propuesto", "La versión anterior", "El año pasado, el equipo"]
VERBS = ["valida", "sincroniza", "registra", "publica", "garantiza", "describe", "actualiza", "revisa",
         "replica", "cifra", "comprime", "elimina", "archiva", "calcula", "envía", "recibe", "expone",
         "documenta", "mantiene", "supervisa", "reintenta", "serializa", "audita", "prioriza", "migra"]
OBJECTS = ["los índices de búsqueda", "la información de sesión", "las credenciales rotadas",
           "el esquema versionado", "las métricas de latencia", "los eventos de auditoría",
           "los ficheros de configuración", "las peticiones pendientes", "el estado de la réplica",
           "los certificados TLS", "las órdenes de compra", "la caché de catálogos",
           "los datos personales", "las alertas críticas", "el histórico de cambios",
           "la cola de reintentos", "los permisos heredados", "las copias de seguridad",
           "los contratos de la API", "la configuración regional", "los límites de cuota",
           "las tareas programadas", "la telemetría del cliente", "el tráfico entrante"]
COMPLEMENTS = ["antes de cada publicación.", "según la política vigente.", "durante la ventana de mantenimiento.",
               "sin intervención manual.", "cuando el umbral supera el 80 %.", "en menos de cinco minutos.",
               "para evitar regresiones.", "tras la aprobación del comité técnico.", "en cada región.",
               "con una latencia media de 120 ms.", "solo si la bandera está activa.",
               "de acuerdo con el RGPD.", "mediante un proceso idempotente.", "al final del día hábil.",
               "después de la revisión de código.", "en el entorno de pruebas.", "de forma asíncrona.",
               "con compatibilidad hacia atrás.", "sin pérdida de información.", "a petición del área legal.",
               "cada vez que cambia el esquema.", "mientras dure la migración."]
EXTRA_SENTENCES = [
    "¿Qué ocurre si la réplica no responde? El sistema conmuta a la región secundaria.",
    "¡Atención! No ejecutes este paso en producción sin una copia de seguridad reciente.",
    "La única excepción es el tráfico interno, que no pasa por el balanceador.",
    "Según el último análisis, el 95 % de las peticiones terminan en menos de 200 ms.",
    "El campo **estado** admite los valores *borrador*, *revisión* y *aprobado*.",
    "Usa la opción `--dry-run` para comprobar el resultado sin aplicar cambios.",
    "El parámetro `max_connections` se ajusta en función del tamaño de la instancia.",
    "Este cambio es retrocompatible; aun así, conviene avisar a los equipos consumidores.",
    "En caso de duda, consulta con el responsable del área o abre una incidencia.",
    "La decisión se revisará dentro de seis meses, o antes si cambian los requisitos.",
    "¿Por qué no usamos una base de datos en memoria? Por el coste y la durabilidad.",
    "El pingüino de pruebas (nuestra mascota) aparece en los paneles de demostración.",
    "Los cambios de esquema siguen el patrón expandir y contraer, sin bloqueos largos.",
    "Cada paso del procedimiento debe quedar registrado en el canal de incidencias.",
    "The English summary below is kept for the external partners who read this page.",
    "This section is maintained by the platform team and reviewed every quarter.",
    "Note: the retry budget is shared across all workers in the same namespace.",
    "See the migration checklist before changing any production configuration.",
]

H2_TITLES = ["Introducción", "Alcance", "Objetivos", "Contexto", "Arquitectura general", "Plan de Testing",
             "Riesgos y mitigaciones", "Configuración", "Despliegue", "Métricas", "Preguntas frecuentes (FAQ)",
             "Glosario", "Referencias", "¿Cómo contribuir?", "Seguridad y cumplimiento", "Decisión",
             "Consecuencias", "Alternativas consideradas", "Migración de datos", "Compatibilidad",
             "Rendimiento", "Diseño del índice", "Señales de alerta", "Procedimiento", "Verificación",
             "Reversión (rollback)", "Dependencias", "Responsables", "Historial de cambios",
             "Overview", "Getting Started", "Troubleshooting", "Next Steps", "Background",
             "Design", "Open Questions", "Monitoring", "Security Considerations", "Acceptance Criteria",
             "CI/CD y entornos", "Año fiscal 2024", "Límites y cuotas", "Operación diaria"]
H3_TITLES = ["Alcance", "Ejemplo", "Notas", "Pasos", "Resultados esperados", "Requisitos previos",
             "Example", "Notes", "Detalles", "Casos de uso", "Limitaciones", "Validación", "Configuración",
             "Comandos útiles", "Criterios de aceptación", "Datos de prueba", "Errores comunes",
             "Permisos necesarios", "Observaciones", "Implementación", "Usage", "Details"]
# Headings with inline markup: the slug is computed from the rendered text.
MARKUP_H3 = [("Configurar `max_connections`", "Configurar max_connections"),
             ("Uso de **reintentos**", "Uso de reintentos"),
             ("La opción `--dry-run`", "La opción --dry-run"),
             ("Tabla *auditoría* y vistas", "Tabla auditoría y vistas")]

TITLE_WORDS = {"cache": "caché", "sesiones": "sesiones", "indices": "índices", "migracion": "migración",
               "auditoria": "auditoría", "busqueda": "búsqueda", "catalogo": "catálogo",
               "metricas": "métricas", "sincronizacion": "sincronización", "retencion": "retención",
               "diseno": "diseño", "analisis": "análisis", "guia": "guía", "politica": "política",
               "especificacion": "especificación", "exportacion": "exportación",
               "importacion": "importación", "envios": "envíos"}

EXTERNAL = ["https://www.postgresql.org/docs/16/index.html", "https://kubernetes.io/docs/home/",
            "https://developer.hashicorp.com/terraform/docs", "https://docs.python.org/3/library/",
            "https://www.rfc-editor.org/rfc/rfc9110", "https://spec.commonmark.org/0.31.2/",
            "https://github.com/ejemplo/plataforma/issues/123", "https://www.boe.es/eli/es/lo/2018/12/05/3",
            "https://owasp.org/www-project-top-ten/", "https://12factor.net/es/"]

CODE_LANGS = ["bash", "bash", "bash", "python", "yaml", "json", "hcl", "sql", ""]

AGENT_SECTIONS = ["Propósito", "Integraciones Clave", "Procedimiento Recomendado", "Validación"]
PLAN_SECTIONS = ["Purpose / Big Picture", "Progress", "Surprises & Discoveries", "Decision Log",
                 "Outcomes & Retrospective", "Context and Orientation", "Plan of Work", "Concrete Steps",
                 "Validation and Acceptance", "Idempotence and Recovery", "Interfaces and Dependencies"]

# Agents: each has a card in .github/agents/ and is named in prose as <Name>Agent.
AGENTS = ["Pagos", "Facturacion", "Busqueda", "Notificaciones", "Ingesta", "Auditoria", "Despliegue",
          "Backups", "Catalogo", "Soporte", "Seguridad", "Metricas"]
# ExecPlans live in docs/execplans/ (the kinds' EXECPLAN_*.md glob).
N_EXECPLANS = 60


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

def github_slug(text):
    """GitHub-style anchor: lower-case, drop all but letters/marks/numbers/_/-/space, space -> '-'."""
    out = []
    for ch in text.lower():
        if ch == " ":
            out.append("-")
        elif ch == "-" or ch == "_":
            out.append(ch)
        else:
            cat = unicodedata.category(ch)
            if cat[0] in "LMN" or cat == "Pc":
                out.append(ch)
    return "".join(out)


def titleize(stem):
    words = [TITLE_WORDS.get(w, w) for w in stem.split("-") if not w.isdigit()]
    t = " ".join(words)
    return t[:1].upper() + t[1:]


class Doc:
    __slots__ = ("path", "title", "size", "headings", "slugs", "front", "numbered", "kind", "id")

    def __init__(self, path, kind="page"):
        self.path = path        # repo-relative, posix
        self.kind = kind        # page | index | big | agent | execplan
        self.id = ""
        self.title = ""
        self.size = 0
        self.headings = []      # (level, markdown_text, slug, setext)
        self.slugs = []
        self.front = False
        self.numbered = False


# --------------------------------------------------------------------------------------------
# Generator
# --------------------------------------------------------------------------------------------

class Generator:
    def __init__(self, out_dir, n_files, target_mb):
        self.out = out_dir
        self.n_files = n_files
        self.target = int(target_mb * MIB)
        self.rng = random.Random(42)
        self.docs = []
        self.existing = set()          # every repo-relative file path that exists
        self.existing_lower = set()
        self.planted = []              # dicts: file, line, kind, ref
        self.counts = {}
        self.decoys = 0
        self.refs_total = 0
        self.last_block = None

    # ---------------- layout ----------------

    def add_existing(self, path):
        self.existing.add(path)
        self.existing_lower.add(path.lower())

    def plan_support_files(self):
        r = self.rng
        self.scripts = sorted({"scripts/%s-%s.sh" % (r.choice(["deploy", "backup", "restore", "check", "rotate",
                                                             "migrate", "seed", "lint", "release", "sync"]),
                                                   r.choice(NAME_WORDS)) for _ in range(120)})
        self.scripts[:0] = ["scripts/deploy.sh", "scripts/bootstrap.sh", "scripts/run-tests.sh"]
        pkgs = ["facturacion", "usuarios", "busqueda", "notificaciones", "pagos", "comun", "ingesta"]
        self.py = sorted({"src/%s/%s.py" % (r.choice(pkgs), r.choice(NAME_WORDS).replace("-", "_"))
                          for _ in range(200)})
        self.tests = sorted({"tests/test_%s.py" % r.choice(NAME_WORDS).replace("-", "_") for _ in range(120)})
        self.tf = sorted({"infrastructure/terraform/%s.tf" % r.choice(["main", "variables", "outputs", "network",
                                                                    "iam", "rds", "eks", "s3", "dns", "kms",
                                                                    "alb", "redis", "vpc", "monitoring"])
                          for _ in range(40)})
        self.images = ["docs/assets/diagrama-%02d.png" % i for i in range(1, 41)]
        self.code_targets = self.scripts + self.py + self.tests + self.tf
        # Globs that match stand-in files, as specs and plans write them.
        self.globs = sorted({"tests/test_*.py", "infrastructure/terraform/*.tf", "scripts/deploy*.sh", "scripts/*.sh",
                             "docs/assets/diagrama-*.png", "src/**/*.py"}
                            | {posixpath.dirname(p) + "/*.py" for p in self.py})
        for p in self.code_targets + self.images:
            self.add_existing(p)

    def plan_docs(self):
        r = self.rng
        subareas = [(a, s) for a in sorted(AREAS) for s in AREAS[a]]
        # Fixed docs: root files, docs index, one README per area and subarea.
        fixed = ["README.md", "CONTRIBUTING.md", "CHANGELOG.md", "docs/README.md"]
        fixed += ["docs/%s/README.md" % a for a in sorted(AREAS)]
        fixed += ["docs/%s/%s/README.md" % sa for sa in subareas]
        agents = [".github/agents/%s_agent.md" % name.lower() for name in AGENTS]
        plans = ["docs/execplans/EXECPLAN_%03d_%s.md" % (i + 1, NAME_WORDS[i % len(NAME_WORDS)])
                 for i in range(N_EXECPLANS)]
        n_pages = self.n_files - len(fixed) - len(agents) - len(plans) - 1  # and the plans' guide
        if n_pages < 10:
            sys.exit("--files must be at least %d" % (len(fixed) + 10))
        # Directories a page may live in: the subarea itself or a topic folder under it.
        dirs = []
        for a, s in subareas:
            base = "docs/%s/%s" % (a, s)
            dirs += [base] * 4
            for t in r.sample(TOPICS, r.randint(0, 3)):
                dirs.append(base + "/" + t)
        used = set(fixed)
        pages = []
        counter = 0
        while len(pages) < n_pages:
            d = r.choice(dirs)
            counter += 1
            if r.random() < 0.01:
                stem = r.choice(ACCENTED_NAMES)
            else:
                pre = r.choice(NAME_PREFIX)
                if pre in ("adr", "rfc"):
                    stem = "%s-%04d-%s" % (pre, counter % 10000, r.choice(NAME_WORDS))
                else:
                    stem = "%s-%s-%s" % ((pre,) + tuple(r.sample(NAME_WORDS, 2)))
            path = "%s/%s.md" % (d, stem)
            if path in used:
                path = "%s/%s-%d.md" % (d, stem, counter)
            if path in used:
                continue
            used.add(path)
            pages.append(path)
        for p in fixed:
            self.docs.append(Doc(p, "index"))
        for p in pages:
            self.docs.append(Doc(p))
        self.docs += [Doc(p, "agent") for p in agents] + [Doc(p, "execplan") for p in plans] + [Doc(".agent/PLANS.md", "guide")]
        for d in self.docs:
            self.add_existing(d.path)
            stem = posixpath.basename(d.path)[:-3]
            if stem == "README":
                parent = posixpath.basename(posixpath.dirname(d.path)) or "proyecto"
                d.title = "Índice de %s" % titleize(parent) if d.path != "README.md" else "Plataforma de ejemplo"
            else:
                d.title = titleize(stem)
        self.by_dir = {}
        for d in self.docs:
            self.by_dir.setdefault(posixpath.dirname(d.path), []).append(d)
        self.by_area = {}
        for d in self.docs:
            parts = d.path.split("/")
            if len(parts) >= 3:
                self.by_area.setdefault(parts[1], []).append(d)
        self.pages = [d for d in self.docs if d.kind == "page"]
        self.plans = [d for d in self.docs if d.kind == "execplan"]
        for number, d in enumerate(self.docs):
            d.id = "DOC-%05d" % (number + 1)  # unique: a front-matter id other pages refer to
        self.nested_docs = [d for d in self.docs if "/" in d.path]

    def plan_sizes(self):
        r = self.rng
        # Index pages are sized by their content; estimate them to budget the rest.
        index_bytes = sum(90 * len(self.by_dir.get(posixpath.dirname(d.path), [])) + 500
                          for d in self.docs if d.kind == "index")
        index_bytes += 1200 * len(AGENTS) + 5000 * N_EXECPLANS
        n_big = max(1, len(self.pages) // 2000)
        big = r.sample(self.pages, n_big)
        for i, d in enumerate(big):
            d.kind = "big"
            d.size = 1024 * 1024 if i == 0 else r.randint(300 * 1024, 1024 * 1024)
        normal = [d for d in self.pages if d.kind == "page"]
        # Pages end on a whole block, overshooting their planned size by ~350 bytes on average.
        budget = self.target - index_bytes - sum(d.size for d in big) - 350 * len(normal)
        raw = [math.exp(r.gauss(math.log(9000), 0.8)) for _ in normal]
        lo, hi = 2500, 60 * 1024
        scale = 1.0
        for _ in range(6):
            sizes = [min(hi, max(lo, x * scale)) for x in raw]
            total = sum(sizes)
            if total <= 0:
                break
            scale *= budget / total
        for d, s in zip(normal, sizes):
            d.size = int(s)

    def plan_headings(self):
        r = self.rng
        for d in self.docs:
            if d.kind == "index":
                d.headings = [(1, d.title, None, False), (2, "Contenido", None, False),
                              (2, "Cómo contribuir", None, False)]
            elif d.kind == "agent":
                d.title = "%sAgent" % AGENTS[[a.lower() for a in AGENTS].index(posixpath.basename(d.path)[:-9])]
                d.headings = [(1, d.title, None, False)] + [(2, t, None, False) for t in AGENT_SECTIONS]
            elif d.kind == "guide":
                d.title = "Cómo escribir un ExecPlan"
                d.headings = [(1, d.title, None, False), (2, "Formato", None, False), (2, "Secciones vivas", None, False)]
            elif d.kind == "execplan":
                d.front = True
                d.title = "ExecPlan %s: %s" % (posixpath.basename(d.path)[9:12], titleize(posixpath.basename(d.path)[13:-3]))
                d.headings = [(1, d.title, None, False)] + [(2, t, None, False) for t in PLAN_SECTIONS]
            else:
                d.front = r.random() < 0.5
                d.numbered = r.random() < 0.45
                n_sections = max(2, d.size // 1700)
                heads = [(1, d.title, None, False)]
                sec = 0
                while len(heads) < n_sections:
                    sec += 1
                    title = r.choice(H2_TITLES)
                    if d.numbered:
                        heads.append((2, "%d. %s" % (sec, title), None, False))
                    else:
                        heads.append((2, title, None, r.random() < 0.05))
                    for sub in range(1, r.choice((1, 2, 2, 3, 4)) + 1):
                        if r.random() < 0.03:
                            md, plain = r.choice(MARKUP_H3)
                        else:
                            md = plain = r.choice(H3_TITLES)  # frequent duplicates: Ejemplo, Notas...
                        if d.numbered:
                            heads.append((3, "%d.%d %s" % (sec, sub, md), "%d.%d %s" % (sec, sub, plain), False))
                        else:
                            heads.append((3, md, plain, False))
                d.headings = heads
            seen = {}
            out = []
            for level, md, plain, setext in d.headings:
                base = github_slug(plain if plain is not None else md)
                n = seen.get(base, 0)
                seen[base] = n + 1
                slug = base if n == 0 else "%s-%d" % (base, n)
                # a generated "x-1" could collide with a literal heading "x 1"; not produced here.
                out.append((level, md, slug, setext))
            d.headings = out
            d.slugs = [h[2] for h in out]

    # ---------------- references ----------------

    def pick_target_doc(self, src):
        r = self.rng
        x = r.random()
        if x < 0.45:
            pool = self.by_dir.get(posixpath.dirname(src.path)) or self.docs
        elif x < 0.8:
            parts = src.path.split("/")
            pool = self.by_area.get(parts[1]) if len(parts) >= 3 else None
            pool = pool or self.docs
        else:
            pool = self.docs
        return r.choice(pool)

    def plant(self, kind, ref, pending):
        self.counts[kind] = self.counts.get(kind, 0) + 1
        pending.append({"kind": kind, "ref": ref})  # file and line are filled in by emit()

    def broken_path(self, path):
        """A repo path that does not exist (not even case-insensitively)."""
        r = self.rng
        d, b = posixpath.split(path)
        stem, ext = posixpath.splitext(b)
        for cand in (stem + r.choice(["-v2", "-antiguo", "-old", "-borrador", "s"]) + ext,
                     stem + "-%d" % r.randint(2, 99) + ext,
                     "no-existe-" + stem + ext):
            p = posixpath.join(d, cand)
            if p.lower() not in self.existing_lower:
                return p
        raise AssertionError(path)

    def wrong_case_path(self, path, basename_only=False):
        """Same file, one path component with a different letter case (only exists case-insensitively)."""
        parts = path.split("/")
        i = len(parts) - 1 if basename_only or self.rng.random() < 0.7 else self.rng.randrange(len(parts))
        comp = parts[i]
        parts[i] = comp[:1].upper() + comp[1:] if comp[:1].islower() else comp.swapcase()
        return "/".join(parts)

    def md_link_target(self, src, pending, allow_same_file=True):
        """Returns (href, title) for a link from src to another doc, possibly broken."""
        r = self.rng
        self.refs_total += 1
        broken = r.random() < BROKEN_RATE
        if allow_same_file and r.random() < 0.15 and len(src.slugs) > 1:
            slug = r.choice(src.slugs[1:])
            if broken:
                bad = slug + "-" + r.choice(["antiguo", "old", "x"])
                if bad in src.slugs:
                    bad += "-zz"
                self.plant("anchor-missing-same-file", "#" + bad, pending)
                return "#" + bad, "la sección correspondiente"
            return "#" + slug, "la sección correspondiente"
        dst = self.pick_target_doc(src)
        if dst is src:
            dst = r.choice(self.docs)
        rel_dir = posixpath.dirname(src.path) or "."
        path = dst.path
        anchor = ""
        if r.random() < 0.4 and len(dst.slugs) > 1:
            anchor = "#" + r.choice(dst.slugs[1:])
        kind = None
        if broken:
            kind = r.choice(["link-missing-file", "link-wrong-case", "anchor-missing"])
            if kind == "link-missing-file":
                path = self.broken_path(path)
            elif kind == "link-wrong-case":
                path = self.wrong_case_path(path, basename_only=True)
            else:
                bad = r.choice(dst.slugs) + "-" + r.choice(["v1", "antiguo", "deprecated"])
                if bad in dst.slugs:
                    bad += "-zz"
                anchor = "#" + bad
        href = posixpath.relpath(path, rel_dir) + anchor
        if kind:
            self.plant(kind, href, pending)
        return href, dst.title

    def code_path(self, pending, pool=None):
        """A backtick repo path (root-relative), possibly broken."""
        r = self.rng
        self.refs_total += 1
        if pool is None:
            pool = self.code_targets if r.random() < 0.6 else None
        # Nested paths only: a bare `README.md` is ambiguous for path heuristics.
        path = r.choice(pool) if pool else r.choice(self.nested_docs).path
        if r.random() < BROKEN_RATE:
            if r.random() < 0.75:
                path = self.broken_path(path)
                self.plant("backtick-path-missing", path, pending)
            else:
                path = self.wrong_case_path(path)
                self.plant("backtick-path-wrong-case", path, pending)
        return path

    # ---------------- text ----------------

    def build_pool(self):
        r = self.rng
        pool = []
        for _ in range(6000):
            if r.random() < 0.12:
                pool.append(r.choice(EXTRA_SENTENCES))
            else:
                pool.append("%s %s %s %s" % (r.choice(SUBJECTS), r.choice(VERBS), r.choice(OBJECTS),
                                             r.choice(COMPLEMENTS)))
        self.sentences = pool

    def sentence_run(self, n):
        s = self.sentences
        rr = self.rng.randrange
        ln = len(s)
        return " ".join([s[rr(ln)] for _ in range(n)])

    def paragraph(self, d, pending):
        r = self.rng
        parts = [self.sentence_run(r.randint(2, 6))]
        x = r.random()
        if x < 0.35:
            href, title = self.md_link_target(d, pending)
            parts.append("Más detalles en [%s](%s)." % (title, href))
        elif x < 0.5:
            parts.append("El script `%s` automatiza este paso." % self.code_path(pending, self.scripts))
        elif x < 0.6:
            parts.append("Consulta `%s` antes de modificar la configuración." % self.code_path(pending))
        elif x < 0.68:
            ref = "ref-%d" % len(self.refdefs)
            self.refdefs.append(ref)
            parts.append("Ver también [%s][%s]." % (self.rng.choice(["el procedimiento", "la guía", "esta decisión"]), ref))
        elif x < 0.72:
            parts.append("Referencia externa: [documentación oficial](%s)." % r.choice(EXTERNAL))
        elif x < 0.75:
            href, title = self.md_link_target(d, pending)
            parts.append('<a href="%s">%s</a> amplía esta sección.' % (href, title))
        elif x < 0.80:
            self.refs_total += 1
            parts.append("Los ficheros `%s` siguen esta convención." % r.choice(self.globs))
        elif x < 0.84:
            parts.append("El agente %sAgent coordina este paso con `%sAgent`." % (r.choice(AGENTS), r.choice(AGENTS)))
        if r.random() < 0.3:
            parts.append(self.sentence_run(r.randint(1, 3)))
        return " ".join(parts)

    # ---------------- writing ----------------

    def render(self, d):
        """Returns (text, planted entries of this file with their line numbers)."""
        r = self.rng
        lines = []
        planted_here = []
        self.refdefs = []

        written = [0]  # characters emitted so far (UTF-8 adds ~2% on top)

        def emit(text, pending=None):
            lines.append(text)
            written[0] += len(text) + 1
            if pending:
                for e in pending:
                    e["file"] = d.path
                    e["line"] = len(lines)
                    planted_here.append(e)

        if d.front:
            emit("---")
            emit("id: %s" % d.id)
            if d.kind != "execplan":
                emit("tipo: %s" % r.choice(["guía", "runbook", "adr", "especificación", "informe", "política"]))
                emit("estado: %s" % r.choice(["borrador", "en revisión", "aprobado", "obsoleto"]))
            emit("autor: %s" % r.choice(["María Núñez", "José Peña", "Lucía Ibáñez", "Iñaki Güell", "Ana Gómez"]))
            emit("relacionados:")
            for _ in range(r.randint(1, 4)):
                # A path, or the id another page's front matter declares.
                emit("  - %s" % (r.choice(self.docs).path if r.random() < 0.5 else r.choice(self.front_docs).id))
            emit("---")
            emit("")

        if d.kind == "index":
            self.render_index(d, emit)
            return "\n".join(lines) + "\n", planted_here
        if d.kind == "guide":
            self.render_sections(d, emit, [self.sentence_run(3), self.sentence_run(4)])
            return "\n".join(lines) + "\n", planted_here
        if d.kind in ("agent", "execplan"):
            (self.render_agent if d.kind == "agent" else self.render_plan)(d, emit)
            return "\n".join(lines) + "\n", planted_here

        # Spread the file's size budget evenly over its headings; every heading gets >= 1 block.
        n_heads = len(d.headings)
        start = written[0]
        budget = d.size / 1.02 - start
        for i, (level, md, slug, setext) in enumerate(d.headings):
            if setext:
                emit(md)
                emit("-" * max(3, len(md)))
            else:
                emit("#" * level + " " + md)
            emit("")
            self.last_block = "heading"
            goal = start + budget * (i + 1) / n_heads
            while True:
                self.block(d, emit)
                emit("")
                if written[0] >= goal:
                    break
        if self.refdefs:
            for ref in self.refdefs:
                pending = []
                href, _t = self.md_link_target(d, pending, allow_same_file=False)
                emit("[%s]: %s" % (ref, href), pending)
        return "\n".join(lines) + "\n", planted_here

    def render_index(self, d, emit):
        r = self.rng
        here = posixpath.dirname(d.path) or "."
        emit("# " + d.title)
        emit("")
        emit(self.sentence_run(3))
        emit("")
        emit("## Contenido")
        emit("")
        children = [x for x in self.by_dir.get(posixpath.dirname(d.path), []) if x is not d]
        # sub-READMEs one level down
        subs = sorted(x.path for x in self.docs if x.path.endswith("/README.md")
                      and posixpath.dirname(posixpath.dirname(x.path)) == posixpath.dirname(d.path)
                      and x is not d)
        if d.path == "README.md":
            subs = ["docs/README.md"]
        for p in subs:
            emit("- [%s](%s)" % (titleize(posixpath.basename(posixpath.dirname(p))), posixpath.relpath(p, here)))
        for x in sorted(children, key=lambda x: x.path):
            emit("- [%s](%s) — %s" % (x.title, posixpath.relpath(x.path, here), r.choice(OBJECTS)))
        emit("")
        emit("## Cómo contribuir")
        emit("")
        emit("Abre una propuesta siguiendo la plantilla y ejecuta `scripts/run-tests.sh` antes de enviarla.")

    def render_agent(self, d, emit):
        """An agent card: its title names the agent; the four sections of the kind."""
        r = self.rng
        test = r.choice(self.tests)
        bodies = ["%s Trabaja junto a `%sAgent`." % (self.sentence_run(2), r.choice(AGENTS)),
                  "\n".join("- `%s`: %s" % (r.choice(self.code_targets), r.choice(OBJECTS)) for _ in range(3)),
                  "\n".join("%d. %s" % (i + 1, self.sentence_run(1)) for i in range(4)),
                  "Ejecuta `pytest %s -q` y comprueba que no hay errores." % test]
        self.render_sections(d, emit, bodies)

    def render_sections(self, d, emit, bodies, preamble=None):
        """The title, an optional preamble, then each level-2 heading with its body."""
        emit("# " + d.title)
        if preamble:
            emit("")
            emit(preamble)
        for (level, md, _slug, _setext), body in zip(d.headings[1:], bodies):
            emit("")
            emit("## " + md)
            emit("")
            for line in body.split("\n"):
                emit(line)

    def render_plan(self, d, emit):
        """An ExecPlan as PLANS.md shapes it: living sections, indented command blocks with
        no info string, a validation section naming the IaC checks it runs."""
        r = self.rng
        test, script, tf = r.choice(self.tests), r.choice(self.scripts), r.choice(self.tf)
        author = r.choice(["María Núñez", "José Peña", "Lucía Ibáñez"])
        done = r.randint(0, 4)
        bodies = [
            "%s El agente %sAgent lo ejecuta." % (self.sentence_run(3), r.choice(AGENTS)),
            "\n".join("- [%s] %s%s" % ("x" if i < done else " ", "(2026-01-%02d 10:00Z) " % (i + 1) if i < done else "",
                                       self.sentence_run(1)) for i in range(4)),
            "- Observation: %s\n  Evidence: `pytest %s -q` terminó sin errores." % (self.sentence_run(1), test),
            "- Decision: %s\n  Rationale: %s\n  Date/Author: 2026-01-%02d / %s" % (
                self.sentence_run(1), self.sentence_run(1), r.randint(1, 28), author),
            self.sentence_run(2),
            "%s Los módulos están en `%s` y las pruebas en `tests/test_*.py`." % (self.sentence_run(2), tf),
            self.sentence_run(4),
            "Desde la raíz del repositorio:\n\n    bash %s --entorno staging\n    pytest %s -q\n"
            "    terraform -chdir=infrastructure/terraform validate" % (script, test),
            "Ejecuta `terraform validate` y `pytest %s -q`; %s" % (test, self.sentence_run(1)),
            self.sentence_run(2),
            "Depende de `%s` y de `%s`." % (r.choice(self.py), script),
        ]
        self.render_sections(d, emit, bodies, "Este ExecPlan es un documento vivo, mantenido según `.agent/PLANS.md`.")

    def block(self, d, emit):
        """Emits one block (without the blank line after it)."""
        r = self.rng
        x = r.random()
        if 0.88 <= x < 0.92 and self.last_block == "list":
            x = 0.8  # an indented block right after a list would continue the list item: fence it
        self.last_block = "list" if 0.55 <= x < 0.68 else "other"
        if x < 0.55:
            pending = []
            p = self.paragraph(d, pending)
            emit(p, pending)
            return
        if x < 0.68:
            ordered = r.random() < 0.35
            for i in range(r.randint(3, 7)):
                pending = []
                y = r.random()
                if y < 0.3:
                    href, title = self.md_link_target(d, pending)
                    body = "[%s](%s): %s" % (title, href, self.sentence_run(1))
                elif y < 0.45:
                    body = "Ejecuta `%s` y revisa la salida." % self.code_path(pending)
                else:
                    body = self.sentence_run(1)
                line = ("%d. " % (i + 1) if ordered else "- ") + body
                emit(line, pending)
            return
        if x < 0.76:
            emit("| Componente | Responsable | Estado | Documento |")
            emit("|---|---|:---:|---|")
            for _ in range(r.randint(3, 8)):
                pending = []
                href, title = self.md_link_target(d, pending)
                line = "| %s | %s | %s | [%s](%s) |" % (r.choice(NAME_WORDS), r.choice(["Plataforma", "Datos", "Seguridad", "Producto"]),
                                                        r.choice(["✅ activo", "en revisión", "obsoleto"]), title, href)
                emit(line, pending)
            return
        if x < 0.88:
            lang = r.choice(CODE_LANGS)
            fence = "```" if r.random() < 0.9 else "~~~"
            emit(fence + lang)
            for _ in range(r.randint(3, 10)):
                line = self.code_line(lang)
                emit(line)
            if r.random() < 0.05:
                self.decoys += 1
                emit("# [esto no es un enlace](no-existe/decoy.md)" if lang in ("bash", "python", "yaml", "") else
                     "// [esto no es un enlace](no-existe/decoy.md)")
            emit(fence)
            return
        if x < 0.92:
            # indented code block (needs a blank line before, which every block has)
            for _ in range(r.randint(2, 5)):
                line = "    " + self.code_line("bash")
                emit(line)
            if r.random() < 0.05:
                self.decoys += 1
                emit("    [decoy](../../no-existe.md)")
            return
        if x < 0.95:
            pending = []
            if r.random() < 0.7:
                img = r.choice(self.images)
                self.refs_total += 1
                if r.random() < BROKEN_RATE:
                    img = self.broken_path(img)
                    rel = posixpath.relpath(img, posixpath.dirname(d.path))
                    self.plant("image-missing", rel, pending)
                else:
                    rel = posixpath.relpath(img, posixpath.dirname(d.path))
                line = "![Diagrama de %s](%s)" % (r.choice(NAME_WORDS), rel)
            else:
                img = r.choice(self.images)
                rel = posixpath.relpath(img, posixpath.dirname(d.path))
                self.refs_total += 1
                line = '<img src="%s" alt="Diagrama" width="600">' % rel
            emit(line, pending)
            return
        pending = []
        line = "> **Nota:** %s" % self.sentence_run(r.randint(1, 3))
        if r.random() < 0.4:
            href, title = self.md_link_target(d, pending)
            line += " Ver [%s](%s)." % (title, href)
        emit(line, pending)

    def code_line(self, lang):
        r = self.rng
        if lang == "bash" or lang == "":
            return r.choice([
                "bash %s --entorno staging" % r.choice(self.scripts),
                "pytest %s -q" % r.choice(self.tests),
                "python -m %s --help" % r.choice(self.py)[4:-3].replace("/", "."),
                "terraform -chdir=infrastructure/terraform plan",
                "kubectl -n pagos rollout status deploy/api",
                "export REGION=eu-west-1",
                "curl -sS https://api.ejemplo.com/v1/salud | jq .",
                "psql \"$DATABASE_URL\" -c 'SELECT count(*) FROM facturas;'",
                "# comentario: revisar la salida antes de continuar",
            ])
        if lang == "python":
            return r.choice(["def procesar(evento: dict) -> None:", "    registro = cliente.obtener(evento['id'])",
                             "    if not registro:", "        raise ValueError('registro no encontrado')",
                             "import logging", "logger = logging.getLogger(__name__)", "    return None"])
        if lang == "yaml":
            return r.choice(["servicio:", "  nombre: facturación", "  réplicas: 3", "  región: eu-west-1",
                             "  límites:", "    cpu: 500m", "    memoria: 512Mi"])
        if lang == "json":
            return r.choice(['{', '  "id": "DOC-00042",', '  "estado": "aprobado",', '  "reintentos": 5,', '}'])
        if lang == "hcl":
            return r.choice(['resource "aws_s3_bucket" "copias" {', '  bucket = "copias-seguridad"',
                             '  tags   = { equipo = "plataforma" }', '}'])
        return r.choice(["SELECT id, estado FROM facturas WHERE creada_en > now() - interval '1 day';",
                         "CREATE INDEX CONCURRENTLY idx_facturas_estado ON facturas (estado);"])

    # ---------------- main ----------------

    def write_support(self):
        png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                            "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
        for p in self.scripts:
            self.write(p, "#!/usr/bin/env bash\n# Stand-in for the benchmark corpus.\nset -euo pipefail\necho \"%s\"\n" % p)
        for p in self.py + self.tests:
            self.write(p, '"""Stand-in module for the benchmark corpus."""\n\n\ndef main():\n    return 0\n')
        for p in self.tf:
            self.write(p, '# Stand-in Terraform file for the benchmark corpus.\nlocals {\n  equipo = "plataforma"\n}\n')
        for p in self.images:
            self.write(p, png, binary=True)

    def write(self, rel, data, binary=False):
        full = os.path.join(self.out, rel)
        parent = os.path.dirname(full)
        if parent not in self.made_dirs:
            os.makedirs(parent, exist_ok=True)
            self.made_dirs.add(parent)
        if binary:
            with open(full, "wb") as f:
                f.write(data)
        else:
            with open(full, "w", encoding="utf-8", newline="\n") as f:
                f.write(data)

    def run(self):
        if os.path.exists(self.out):
            if not os.path.isdir(self.out):
                sys.exit("%s exists and is not a directory" % self.out)
            if os.listdir(self.out):
                if not os.path.exists(os.path.join(self.out, ".bench", "planted.jsonl")):
                    sys.exit("%s is not empty and is not a previous benchmark corpus; refusing to overwrite" % self.out)
                shutil.rmtree(self.out)
        os.makedirs(self.out, exist_ok=True)
        self.made_dirs = set()
        self.plan_support_files()
        self.plan_docs()
        self.plan_sizes()
        self.plan_headings()
        self.front_docs = [d for d in self.docs if d.front]
        self.build_pool()
        self.write_support()
        md_bytes = 0
        sizes = []
        for d in self.docs:
            text, planted = self.render(d)
            data = text.encode("utf-8")
            md_bytes += len(data)
            sizes.append(len(data))
            self.write(d.path, data, binary=True)
            self.planted.extend(planted)
        self.write(".bench/planted.jsonl",
                   "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in self.planted))
        return md_bytes, sizes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--files", type=int, default=10000, help="number of Markdown files (default 10000)")
    ap.add_argument("--target-mb", type=float, default=110, help="total Markdown size in MiB (default 110)")
    a = ap.parse_args()
    g = Generator(a.out_dir, a.files, a.target_mb)
    md_bytes, sizes = g.run()
    sizes.sort()
    n = len(sizes)
    other = len(g.code_targets) + len(g.images)
    print("corpus:          %s" % a.out_dir)
    print("markdown files:  %d (+ %d stand-in files: scripts, src, tests, terraform, images)" % (n, other))
    print("markdown size:   %.1f MiB (%.1f MB)" % (md_bytes / MIB, md_bytes / 1e6))
    print("file sizes:      min %.1f KB, median %.1f KB, p99 %.1f KB, max %.1f KB" % (
        sizes[0] / 1024, sizes[n // 2] / 1024, sizes[int(n * 0.99)] / 1024, sizes[-1] / 1024))
    print("local refs:      %d (links, anchors, backtick paths, images)" % g.refs_total)
    print("planted broken:  %d (%.2f%%)" % (len(g.planted), 100.0 * len(g.planted) / max(1, g.refs_total)))
    for k in sorted(g.counts):
        print("  %-26s %d" % (k, g.counts[k]))
    print("decoys in code:  %d (link syntax inside code blocks; must NOT be reported)" % g.decoys)
    print("manifest:        %s" % os.path.join(a.out_dir, ".bench", "planted.jsonl"))


if __name__ == "__main__":
    main()
