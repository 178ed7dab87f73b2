#!/usr/bin/env python3
"""Derive one JSON Schema (draft-07) per Azure Image Builder API version from the official swagger.

Input : <reference>/swagger/<version>/imagebuilder.json (+ <reference>/swagger/common-types/...)
        <reference>/swagger/LICENSE-azure-rest-api-specs
Output: validator-core/schemas/<version>.json
        validator-core/schemas/LICENSE-azure-rest-api-specs (verbatim copy)

The reference folder defaults to <repo root>/../shared/reference (override with --reference DIR).

  python3 scripts/derive_schemas.py                 # (re)write the output files
  python3 scripts/derive_schemas.py --check         # exit 1 if an output file is stale (CI)
  python3 scripts/derive_schemas.py --cross-check   # report property-name differences against
                                                    # the published ARM deployment schemas
                                                    # (<reference>/arm-schemas/<v>/...; never fails)

Shape of a derived schema (see validator-core/schemas/SOURCES.md):
  * the root is the imageTemplates RESOURCE as written in an ARM template or a bare resource file;
  * every object that lists properties is closed (additionalProperties: false); swagger maps stay maps;
  * allOf inheritance is flattened (merged properties, union of required);
  * a discriminated union base becomes {type: object, required: [d], properties: {d: enum},
    allOf: [{if: {d const}, then: {$ref: subtype}}...], x-aib-discriminator: d} and every subtype is
    closed and complete with d as {const} and x-aib-discriminator-value (never oneOf/anyOf);
  * read-only properties become {readOnly: true, description} with no other constraint;
  * only description/type/enum/const/default/minimum/maximum/pattern/items/required/properties/
    additionalProperties are kept; swagger-only keys (x-ms-*, format, title, discriminator, ...) go.

Standard library only. Output is deterministic (fixed key order, definitions sorted by name).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

VERSIONS = [
    "2018-02-01-preview",
    "2019-02-01-preview",
    "2019-05-01-preview",
    "2020-02-14",
    "2021-10-01",
    "2022-02-14",
    "2022-07-01",
    "2023-07-01",
    "2024-02-01",
    "2025-10-01",
]

SCHEMA_ID = "https://aib-designer.local/schemas/{version}.json"
LICENSE_NAME = "LICENSE-azure-rest-api-specs"

# Fixed key order of every emitted schema node ("properties", "definitions" keep their own order).
KEY_ORDER = [
    "$schema",
    "$id",
    "title",
    "$comment",
    "$ref",
    "description",
    "readOnly",
    "type",
    "const",
    "enum",
    "default",
    "minimum",
    "maximum",
    "pattern",
    "items",
    "required",
    "properties",
    "additionalProperties",
    "if",
    "then",
    "allOf",
    "x-aib-discriminator",
    "x-aib-discriminator-value",
    "definitions",
]
# Swagger keys copied unchanged (when the value is a plain value).
COPIED_KEYS = ["description", "type", "enum", "default", "minimum", "maximum", "pattern"]

# ARM-template-only keys accepted on any resource (not part of the provider's model).
ARM_TEMPLATE_KEYS = {
    "dependsOn": {
        "type": "array",
        "items": {"type": "string"},
        "description": "ARM template: names or resource ids of resources that must be deployed before this one.",
    },
    "condition": {
        # no "type": a boolean or an expression string; a type union would upset ajv's strict mode
        "description": "ARM template: deploy the resource only when true (a boolean or a template expression).",
    },
    "copy": {
        "type": "object",
        "description": "ARM template: resource iteration (name, count, mode, batchSize).",
    },
    "comments": {"type": "string", "description": "ARM template: free-text comments."},
    "metadata": {"type": "object", "description": "ARM template: free-form metadata."},
    "scope": {"type": "string", "description": "ARM template: the scope of an extension resource."},
    "resources": {
        "type": "array",
        "description": "ARM template: child resources (for example imageTemplates/triggers); their items are not checked by this schema.",
    },
}


class DeriveError(Exception):
    pass


def ordered(node: dict) -> dict:
    """Return `node` with its keys in KEY_ORDER (unknown keys last, in insertion order)."""
    rank = {k: i for i, k in enumerate(KEY_ORDER)}
    keys = sorted(node, key=lambda k: (rank.get(k, len(KEY_ORDER)), 0))
    return {k: node[k] for k in keys}


class Deriver:
    """Derives the schema of one API version."""

    def __init__(self, reference: Path, version: str):
        self.reference = reference
        self.version = version
        self.swagger_dir = reference / "swagger"
        self.main_doc = (self.swagger_dir / version / "imagebuilder.json").resolve()
        self.docs: dict[Path, dict] = {}
        self.emitted: dict[str, dict] = {}  # output definition name -> schema
        self.origin: dict[str, tuple[Path, str]] = {}  # output definition name -> (doc, name)
        self.pending: list[tuple[Path, str]] = []

    # ---------------------------------------------------------------- documents and $refs
    def load(self, path: Path) -> dict:
        path = path.resolve()
        if path not in self.docs:
            if not path.is_file():
                raise DeriveError(f"missing reference file {path}")
            with path.open(encoding="utf-8") as f:
                self.docs[path] = json.load(f)
        return self.docs[path]

    def doc_path_of_ref(self, doc: Path, ref: str) -> Path:
        file_part = ref.split("#", 1)[0]
        if not file_part:
            return doc
        norm = file_part.replace("\\", "/")
        if "common-types/" in norm:
            # Upstream refs are relative to the upstream folder layout (5 or, for the moved
            # 2025-10-01 swagger, 6 levels of ../); our copies live in swagger/common-types/.
            tail = norm[norm.index("common-types/") :]
            return (self.swagger_dir / tail).resolve()
        return (doc.parent / file_part).resolve()

    def resolve(self, doc: Path, ref: str) -> tuple[Path, str, dict]:
        """Resolve a `...#/definitions/Name` ref: (document, name, raw schema)."""
        target_doc = self.doc_path_of_ref(doc, ref)
        if "#" not in ref:
            raise DeriveError(f"{doc}: unsupported $ref {ref!r}")
        pointer = ref.split("#", 1)[1]
        parts = pointer.strip("/").split("/")
        if len(parts) != 2 or parts[0] != "definitions":
            raise DeriveError(f"{doc}: unsupported $ref {ref!r} (only #/definitions/<name>)")
        definitions = self.load(target_doc).get("definitions", {})
        if parts[1] not in definitions:
            raise DeriveError(f"{doc}: $ref {ref!r} not found in {target_doc}")
        return target_doc, parts[1], definitions[parts[1]]

    # ---------------------------------------------------------------- classification
    @staticmethod
    def is_union_base(raw: dict) -> bool:
        return "discriminator" in raw

    @staticmethod
    def is_primitive(raw: dict) -> bool:
        """A definition that is a plain value type (named enum etc.): inlined where used."""
        return (
            raw.get("type") not in (None, "object", "array")
            and "properties" not in raw
            and "allOf" not in raw
            and "additionalProperties" not in raw
            and "discriminator" not in raw
        )

    def subtypes_of(self, doc: Path, base: str) -> list[tuple[str, str, dict]]:
        """(discriminator value, definition name, raw) of the direct subtypes of `base`, in swagger order."""
        found = []
        for name, raw in self.load(doc).get("definitions", {}).items():
            for parent in raw.get("allOf", []):
                ref = parent.get("$ref")
                if ref is None:
                    continue
                pdoc, pname, _ = self.resolve(doc, ref)
                if pdoc == doc and pname == base:
                    if "x-ms-discriminator-value" not in raw:
                        raise DeriveError(f"{self.version}: subtype {name} of {base} has no x-ms-discriminator-value")
                    found.append((raw["x-ms-discriminator-value"], name, raw))
        if not found:
            raise DeriveError(f"{self.version}: discriminated base {base} has no subtypes")
        values = [v for v, _, _ in found]
        if len(set(values)) != len(values):
            raise DeriveError(f"{self.version}: duplicate discriminator values under {base}: {values}")
        return found

    # ---------------------------------------------------------------- flattening
    def flatten(self, doc: Path, raw: dict, seen: tuple = ()) -> tuple[dict, list, dict]:
        """Merge allOf parents: ({prop name: (doc, raw prop)}, required, own raw) parents first."""
        props: dict[str, tuple[Path, dict]] = {}
        required: list[str] = []
        for parent in raw.get("allOf", []):
            if "$ref" in parent:
                pdoc, pname, praw = self.resolve(doc, parent["$ref"])
                key = (pdoc, pname)
                if key in seen:
                    raise DeriveError(f"{self.version}: allOf cycle at {pname}")
                pprops, preq, _ = self.flatten(pdoc, praw, seen + (key,))
            else:
                pprops, preq, _ = self.flatten(doc, parent, seen)
            props.update(pprops)
            required += [r for r in preq if r not in required]
        for name, prop in raw.get("properties", {}).items():
            props[name] = (doc, prop)
        required += [r for r in raw.get("required", []) if r not in required]
        return props, required, raw

    # ---------------------------------------------------------------- conversion
    def def_ref(self, doc: Path, name: str) -> str:
        """Register definition `name` of `doc` for emission; return its local $ref."""
        out_name = name
        if out_name in self.origin:
            if self.origin[out_name] != (doc, name):
                raise DeriveError(f"{self.version}: definition name clash for {name}")
        else:
            self.origin[out_name] = (doc, name)
            self.pending.append((doc, name))
        return f"#/definitions/{out_name}"

    def is_read_only(self, doc: Path, prop: dict) -> bool:
        if prop.get("readOnly") is True:
            return True
        if "$ref" in prop:
            _, _, target = self.resolve(doc, prop["$ref"])
            return target.get("readOnly") is True
        return False

    def read_only(self, doc: Path, prop: dict) -> dict:
        out = {"readOnly": True}
        desc = prop.get("description")
        if desc is None and "$ref" in prop:
            desc = self.resolve(doc, prop["$ref"])[2].get("description")
        if desc is not None:
            out["description"] = desc
        return ordered(out)

    def convert_use(self, doc: Path, prop: dict) -> dict:
        """Convert a property / items / map-value schema (a use site)."""
        if self.is_read_only(doc, prop):
            return self.read_only(doc, prop)
        if "$ref" in prop:
            tdoc, tname, target = self.resolve(doc, prop["$ref"])
            if self.is_primitive(target):
                out = self.convert_inline(tdoc, target)
                for key in ("description", "default"):
                    if key in prop:
                        out[key] = prop[key]
                return ordered(out)
            out = {"$ref": self.def_ref(tdoc, tname)}
            if "description" in prop:
                # annotation only: draft-07 ignores siblings of $ref
                out["description"] = prop["description"]
            return ordered(out)
        return self.convert_inline(doc, prop)

    def convert_inline(self, doc: Path, raw: dict) -> dict:
        """Convert a non-union schema body (definition or inline), flattening allOf."""
        if self.is_union_base(raw):
            raise DeriveError(f"{self.version}: inline discriminated union is not supported")
        out: dict = {}
        for key in COPIED_KEYS:
            if key in raw:
                out[key] = raw[key]
        if "items" in raw:
            out["items"] = self.convert_use(doc, raw["items"])
        props, required, _ = self.flatten(doc, raw)
        has_props = "properties" in raw or "allOf" in raw
        if has_props:
            out["properties"] = {name: self.convert_use(pdoc, p) for name, (pdoc, p) in props.items()}
            if required:
                missing = [r for r in required if r not in props]
                if missing:
                    raise DeriveError(f"{self.version}: required {missing} not among properties")
                out["required"] = required
        ap = raw.get("additionalProperties")
        if isinstance(ap, dict):
            out["additionalProperties"] = self.convert_use(doc, ap)
        elif has_props:
            out["additionalProperties"] = False
        if ("properties" in out or "additionalProperties" in out) and "type" not in out:
            out["type"] = "object"
        return ordered(out)

    def convert_union(self, doc: Path, name: str, raw: dict) -> dict:
        disc = raw["discriminator"]
        base_props = raw.get("properties", {})
        if disc not in base_props:
            raise DeriveError(f"{self.version}: {name}: discriminator {disc} is not a property")
        subtypes = self.subtypes_of(doc, name)
        disc_schema = {"type": "string"}
        if "description" in base_props[disc]:
            disc_schema["description"] = base_props[disc]["description"]
        disc_schema["enum"] = [value for value, _, _ in subtypes]
        out = {
            "type": "object",
            "required": [disc],
            "properties": {disc: ordered(disc_schema)},
            "allOf": [
                {
                    "if": {"properties": {disc: {"const": value}}, "required": [disc]},
                    "then": {"$ref": self.def_ref(doc, sub)},
                }
                for value, sub, _ in subtypes
            ],
            "x-aib-discriminator": disc,
        }
        if "description" in raw:
            out["description"] = raw["description"]
        return ordered(out)

    def convert_subtype(self, doc: Path, name: str, raw: dict) -> dict:
        value = raw["x-ms-discriminator-value"]
        # find the discriminator of the (first) union base among the ancestors
        disc = None
        for parent in raw.get("allOf", []):
            if "$ref" in parent:
                _, _, praw = self.resolve(doc, parent["$ref"])
                if self.is_union_base(praw):
                    disc = praw["discriminator"]
        if disc is None:
            raise DeriveError(f"{self.version}: {name} has x-ms-discriminator-value but no discriminated parent")
        out = self.convert_inline(doc, {k: v for k, v in raw.items() if k != "x-ms-discriminator-value"})
        const = {"const": value}
        old = out["properties"].get(disc, {})
        if "description" in old:
            const["description"] = old["description"]
        out["properties"][disc] = ordered(const)
        if disc not in out.get("required", []):
            out["required"] = [disc] + out.get("required", [])
        out["x-aib-discriminator-value"] = value
        out["type"] = "object"
        out["additionalProperties"] = False
        return ordered(out)

    def convert_definition(self, doc: Path, name: str) -> dict:
        raw = self.load(doc)["definitions"][name]
        if self.is_union_base(raw):
            return self.convert_union(doc, name, raw)
        if "x-ms-discriminator-value" in raw:
            return self.convert_subtype(doc, name, raw)
        return self.convert_inline(doc, raw)

    # ---------------------------------------------------------------- root
    def derive(self) -> dict:
        doc = self.main_doc
        defs = self.load(doc).get("definitions", {})
        if "ImageTemplate" not in defs:
            raise DeriveError(f"{doc}: no ImageTemplate definition")
        props, required, raw = self.flatten(doc, defs["ImageTemplate"])

        root_props: dict[str, dict] = {}
        root_props["type"] = {
            "type": "string",
            "description": "The resource type, Microsoft.VirtualMachineImages/imageTemplates (required in an ARM template; read-only in a REST body).",
        }
        root_props["apiVersion"] = {
            "type": "string",
            "description": f"The API version of the resource ({self.version}); required in an ARM template.",
        }
        name_desc = props.get("name", (doc, {}))[1].get("description", "The resource name")
        root_props["name"] = {
            "type": "string",
            "description": f"{name_desc} (required in an ARM template; read-only in a REST body).",
        }
        for key in ("type", "apiVersion", "name"):
            root_props[key] = ordered(root_props[key])
        for key in ("location", "tags", "identity", "properties"):
            if key in props:
                pdoc, p = props[key]
                root_props[key] = self.convert_use(pdoc, p)
        for key, (pdoc, p) in props.items():
            if key not in root_props:
                root_props[key] = self.convert_use(pdoc, p)
        for key, schema in ARM_TEMPLATE_KEYS.items():
            if key in root_props:
                raise DeriveError(f"{self.version}: ImageTemplate already has {key}")
            root_props[key] = ordered(dict(schema))

        root_required = ["location", "properties"] + [r for r in required if r not in ("location", "properties", "name", "type", "id")]
        for r in root_required:
            if r not in root_props:
                raise DeriveError(f"{self.version}: required {r} not a property")

        while self.pending:
            pdoc, pname = self.pending.pop(0)
            self.emitted[pname] = self.convert_definition(pdoc, pname)

        description = raw.get("description", "Image template resource")
        root = {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$id": SCHEMA_ID.format(version=self.version),
            "title": f"Microsoft.VirtualMachineImages/imageTemplates@{self.version}",
            "$comment": (
                "Generated by scripts/derive_schemas.py from azure-rest-api-specs "
                f"imagebuilder.json ({self.version}); do not edit by hand. See SOURCES.md."
            ),
            "description": description,
            "type": "object",
            "required": root_required,
            "properties": root_props,
            "additionalProperties": False,
            "definitions": {k: self.emitted[k] for k in sorted(self.emitted)},
        }
        return ordered(root)


def render(schema: dict) -> str:
    return json.dumps(schema, indent=1, sort_keys=False, ensure_ascii=False) + "\n"


def outputs(reference: Path) -> dict[str, str]:
    """File name (relative to the schemas folder) -> expected content."""
    result = {}
    for version in VERSIONS:
        result[f"{version}.json"] = render(Deriver(reference, version).derive())
    license_path = reference / "swagger" / LICENSE_NAME
    result[LICENSE_NAME] = license_path.read_text(encoding="utf-8")
    return result


# -------------------------------------------------------------------- cross-check (report only)
EXPRESSION_HINT = "definitions.json#/definitions/expression"


def arm_alternatives(arm: dict, node: dict, depth: int = 0) -> list[dict]:
    """Non-expression alternatives of an ARM-schema value node, $refs followed."""
    if depth > 20 or not isinstance(node, dict):
        return []
    ref = node.get("$ref")
    if ref is not None:
        if not ref.startswith("#/"):
            return []  # external (template expression, common definitions)
        target = arm
        for part in ref[2:].split("/"):
            target = target.get(part, {})
        return arm_alternatives(arm, target, depth + 1)
    if "oneOf" in node and "properties" not in node and "allOf" not in node:
        out = []
        for alt in node["oneOf"]:
            out += arm_alternatives(arm, alt, depth + 1)
        return out
    return [node]


def arm_shape(arm: dict, node: dict, depth: int = 0) -> tuple[dict, set]:
    """(properties, required) of an ARM object node (following allOf, not union oneOf branches)."""
    props: dict = {}
    required: set = set()
    for alt in arm_alternatives(arm, node, depth):
        props.update(alt.get("properties", {}))
        required.update(alt.get("required", []))
        for part in alt.get("allOf", []):
            if "$ref" in part or "properties" in part or "allOf" in part:
                sub_props, sub_required = arm_shape(arm, part, depth + 1)
                props.update(sub_props)
                required |= sub_required
    return props, required


def arm_props(arm: dict, node: dict) -> dict:
    return arm_shape(arm, node)[0]


def arm_subtype_nodes(arm: dict, node: dict) -> dict[str, dict]:
    """For an ARM union base: discriminator value -> subtype node (with base properties merged)."""
    result = {}
    base_props, base_required = arm_shape(arm, node)
    for alt in arm_alternatives(arm, node):
        for part in alt.get("allOf", []):
            for branch in part.get("oneOf", []):
                const = None
                sub = None
                for piece in branch.get("allOf", []):
                    if "$ref" in piece:
                        sub = piece
                    for pname, pval in piece.get("properties", {}).items():
                        if isinstance(pval, dict) and "const" in pval:
                            const = pval["const"]
                if const is not None and sub is not None:
                    sub_props, sub_required = arm_shape(arm, sub)
                    merged = dict(base_props)
                    merged.update(sub_props)
                    result[const] = {"properties": merged, "required": base_required | sub_required}
    return result


def cross_check(reference: Path, version: str, derived: dict) -> list[str]:
    path = reference / "arm-schemas" / version / "Microsoft.VirtualMachineImages.json"
    if not path.is_file():
        return [f"  (no ARM schema at {path})"]
    arm = json.loads(path.read_text(encoding="utf-8"))
    lines: list[str] = []
    defs = derived["definitions"]

    def ours_node(node: dict) -> tuple[dict, str | None]:
        name = None
        while "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[1]
            node = defs[name]
        return node, name

    def compare(label: str, ours: dict, arm_node_props: dict, arm_required: set, always: bool, skip=frozenset()):
        our_names = [k for k in ours.get("properties", {}) if k not in skip]
        read_only = {k for k, v in ours.get("properties", {}).items() if v.get("readOnly")}
        arm_names = set(arm_node_props)
        only_ours = [k for k in our_names if k not in arm_names]
        only_arm = sorted(k for k in arm_names if k not in our_names and k not in skip)
        our_required = set(ours.get("required", [])) - skip
        arm_required = set(arm_required) - skip
        req_ours = sorted(our_required - arm_required)
        req_arm = sorted(arm_required - our_required)
        if only_ours or only_arm or req_ours or req_arm:
            parts = []
            if only_ours:
                parts.append("only in derived: " + ", ".join(k + (" (read-only)" if k in read_only else "") for k in only_ours))
            if only_arm:
                parts.append("only in ARM: " + ", ".join(only_arm))
            if req_ours:
                parts.append("required only in derived: " + ", ".join(req_ours))
            if req_arm:
                parts.append("required only in ARM: " + ", ".join(req_arm))
            lines.append(f"  {label}: " + "; ".join(parts))
        elif always:
            lines.append(f"  {label}: same property names ({len(our_names)})")

    def walk(path: str, our: dict, arm_node: dict, seen: set):
        our, name = ours_node(our)
        if "x-aib-discriminator" in our:
            disc = our["x-aib-discriminator"]
            arm_subs = arm_subtype_nodes(arm, arm_node)
            for branch in our["allOf"]:
                value = branch["if"]["properties"][disc]["const"]
                sub, sub_name = ours_node(branch["then"])
                label = f"{sub_name} ({path}{{{disc}={value}}})"
                if value not in arm_subs:
                    lines.append(f"  {label}: discriminator value not in ARM schema")
                    continue
                compare(label, sub, arm_subs[value]["properties"], arm_subs[value]["required"], always=True)
                key = (sub_name, value)
                if key not in seen:
                    seen.add(key)
                    descend(f"{path}{{{disc}={value}}}", sub, {"properties": arm_subs[value]["properties"]}, seen)
            for value in arm_subs:
                if value not in our["properties"][disc]["enum"]:
                    lines.append(f"  {path}: ARM discriminator value {value!r} not in derived schema")
            return
        if our.get("type") == "array" and "items" in our:
            items = [a.get("items") for a in arm_alternatives(arm, arm_node) if "items" in a]
            if items:
                walk(path + "[]", our["items"], items[0], seen)
            return
        if isinstance(our.get("additionalProperties"), dict):
            values = [a["additionalProperties"] for a in arm_alternatives(arm, arm_node)
                      if isinstance(a.get("additionalProperties"), dict)]
            if values:
                walk(path + "{*}", our["additionalProperties"], values[0], seen)
            return
        if "properties" in our:
            label = f"{name} ({path})" if name else path
            compare(label, our, *arm_shape(arm, arm_node), always=False)
            descend(path, our, arm_node, seen)

    def descend(path: str, our: dict, arm_node: dict, seen: set):
        aprops = arm_props(arm, arm_node)
        for key, sub in our.get("properties", {}).items():
            if key in aprops and not sub.get("readOnly"):
                walk(f"{path}.{key}" if path else key, sub, aprops[key], seen)

    resource = arm.get("resourceDefinitions", {}).get("imageTemplates")
    if resource is None:
        return ["  (ARM schema has no resourceDefinitions.imageTemplates)"]
    compare("(resource root)", derived, resource.get("properties", {}), set(resource.get("required", [])),
            always=True, skip=frozenset(ARM_TEMPLATE_KEYS))
    descend("", derived, resource, set())
    return lines


# -------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    repo_root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=repo_root.parent / "shared" / "reference",
                        help="reference folder (default: <repo root>/../shared/reference)")
    parser.add_argument("--check", action="store_true", help="exit 1 if any output file is stale")
    parser.add_argument("--cross-check", action="store_true",
                        help="print property-name differences against the published ARM schemas")
    args = parser.parse_args(argv)

    reference = args.reference.resolve()
    out_dir = repo_root / "validator-core" / "schemas"
    try:
        expected = outputs(reference)
    except (DeriveError, OSError, json.JSONDecodeError) as err:
        print(f"derive_schemas: error: {err}", file=sys.stderr)
        return 2

    status = 0
    if args.check:
        stale = []
        for name, content in expected.items():
            path = out_dir / name
            if not path.is_file():
                stale.append(f"{path.relative_to(repo_root)}: missing")
            elif path.read_text(encoding="utf-8") != content:
                stale.append(f"{path.relative_to(repo_root)}: differs from regenerated output")
        for line in stale:
            print(f"stale: {line}")
        if stale:
            print("run `python3 scripts/derive_schemas.py` to regenerate", file=sys.stderr)
            status = 1
        else:
            print(f"ok: {len(expected)} files in {out_dir.relative_to(repo_root)} are up to date")
    elif not args.cross_check:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, content in expected.items():
            path = out_dir / name
            old = path.read_text(encoding="utf-8") if path.is_file() else None
            if old != content:
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(content)
                print(f"wrote {path.relative_to(repo_root)} ({len(content.encode('utf-8'))} bytes)")
            else:
                print(f"unchanged {path.relative_to(repo_root)}")

    if args.cross_check:
        for version in VERSIONS:
            derived = json.loads(expected[f"{version}.json"])
            print(f"== {version}: derived schema vs arm-schemas/{version}/Microsoft.VirtualMachineImages.json")
            for line in cross_check(reference, version, derived):
                print(line)
    return status


if __name__ == "__main__":
    sys.exit(main())
