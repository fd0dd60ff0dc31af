import { createRequire as __segguardCreateRequire } from 'node:module';
const require = __segguardCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str += "\\x" + code2.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY2 = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY2 || typeof value === "symbol" && value.description === MERGE_KEY2,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY2)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY2
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys2 = Object.keys(it);
            if (keys2.length === 1) {
              key = keys2[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys2.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys2 = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys2} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys2 = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys2}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema3 = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema3;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema3 = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema3.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "…" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "…";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "…\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys: uniqueKeys2 } = ctx.options;
      if (uniqueKeys2 === false)
        return false;
      const isEqual = typeof uniqueKeys2 === "function" ? uniqueKeys2 : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "",
      // Unicode next line
      _: " ",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path) => {
      const parent = visit2.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote2 = this.charAt(0);
        let end = this.buffer.indexOf(quote2, this.pos + 1);
        if (quote2 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments3;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema3 = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema3.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// node_modules/ipaddr.js/lib/ipaddr.js
var require_ipaddr = __commonJS({
  "node_modules/ipaddr.js/lib/ipaddr.js"(exports, module) {
    (function(root) {
      "use strict";
      const ipv4Part = "(0?\\d+|0x[a-f0-9]+)";
      const ipv4Regexes = {
        fourOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}$`, "i"),
        threeOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}$`, "i"),
        twoOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}$`, "i"),
        longValue: new RegExp(`^${ipv4Part}$`, "i")
      };
      const octalRegex = new RegExp(`^0[0-7]+$`, "i");
      const hexRegex = new RegExp(`^0x[a-f0-9]+$`, "i");
      const zoneIndex = "%[0-9a-z]{1,}";
      const ipv6Part = "(?:[0-9a-f]+::?)+";
      const ipv6Regexes = {
        zoneIndex: new RegExp(zoneIndex, "i"),
        "native": new RegExp(`^(::)?(${ipv6Part})?([0-9a-f]+)?(::)?(${zoneIndex})?$`, "i"),
        deprecatedTransitional: new RegExp(`^(?:::)(${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}(${zoneIndex})?)$`, "i"),
        transitional: new RegExp(`^((?:${ipv6Part})|(?:::)(?:${ipv6Part})?)${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}(${zoneIndex})?$`, "i")
      };
      function expandIPv6(string, parts) {
        if (string.indexOf("::") !== string.lastIndexOf("::")) {
          return null;
        }
        let colonCount = 0;
        let lastColon = -1;
        let zoneId = (string.match(ipv6Regexes.zoneIndex) || [])[0];
        let replacement, replacementCount;
        if (zoneId) {
          zoneId = zoneId.substring(1);
          string = string.replace(/%.+$/, "");
        }
        while ((lastColon = string.indexOf(":", lastColon + 1)) >= 0) {
          colonCount++;
        }
        if (string.substr(0, 2) === "::") {
          colonCount--;
        }
        if (string.substr(-2, 2) === "::") {
          colonCount--;
        }
        if (colonCount >= parts) {
          return null;
        }
        replacementCount = parts - colonCount;
        replacement = ":";
        while (replacementCount--) {
          replacement += "0:";
        }
        string = string.replace("::", replacement);
        if (string[0] === ":") {
          string = string.slice(1);
        }
        if (string[string.length - 1] === ":") {
          string = string.slice(0, -1);
        }
        parts = (function() {
          const ref = string.split(":");
          const results = [];
          for (let i = 0; i < ref.length; i++) {
            results.push(ref[i].length > 4 ? NaN : parseInt(ref[i], 16));
          }
          return results;
        })();
        return {
          parts,
          zoneId
        };
      }
      function matchCIDR(first, second, partSize, cidrBits) {
        if (first.length !== second.length) {
          throw new Error("ipaddr: cannot match CIDR for objects with different lengths");
        }
        let part = 0;
        let shift;
        while (cidrBits > 0) {
          shift = partSize - cidrBits;
          if (shift < 0) {
            shift = 0;
          }
          if (first[part] >> shift !== second[part] >> shift) {
            return false;
          }
          cidrBits -= partSize;
          part += 1;
        }
        return true;
      }
      function parseIntAuto(string) {
        if (hexRegex.test(string)) {
          return parseInt(string, 16);
        }
        if (string[0] === "0" && !isNaN(parseInt(string[1], 10))) {
          if (octalRegex.test(string)) {
            return parseInt(string, 8);
          }
          throw new Error(`ipaddr: cannot parse ${string} as octal`);
        }
        return parseInt(string, 10);
      }
      function padPart(part, length) {
        while (part.length < length) {
          part = `0${part}`;
        }
        return part;
      }
      const ipaddr2 = {};
      ipaddr2.IPv4 = (function() {
        function IPv4(octets) {
          if (octets.length !== 4) {
            throw new Error("ipaddr: ipv4 octet count should be 4");
          }
          let i, octet;
          for (i = 0; i < octets.length; i++) {
            octet = octets[i];
            if (!(0 <= octet && octet <= 255)) {
              throw new Error("ipaddr: ipv4 octet should fit in 8 bits");
            }
          }
          this.octets = octets;
        }
        IPv4.prototype.SpecialRanges = {
          unspecified: [[new IPv4([0, 0, 0, 0]), 8]],
          broadcast: [[new IPv4([255, 255, 255, 255]), 32]],
          // RFC3171
          multicast: [[new IPv4([224, 0, 0, 0]), 4]],
          // RFC3927
          linkLocal: [[new IPv4([169, 254, 0, 0]), 16]],
          // RFC5735
          loopback: [[new IPv4([127, 0, 0, 0]), 8]],
          // RFC6598
          carrierGradeNat: [[new IPv4([100, 64, 0, 0]), 10]],
          // RFC1918
          "private": [
            [new IPv4([10, 0, 0, 0]), 8],
            [new IPv4([172, 16, 0, 0]), 12],
            [new IPv4([192, 168, 0, 0]), 16]
          ],
          // Reserved and testing-only ranges; RFCs 5735, 5737, 2544, 1700
          reserved: [
            [new IPv4([192, 0, 0, 0]), 24],
            [new IPv4([192, 0, 2, 0]), 24],
            [new IPv4([192, 88, 99, 0]), 24],
            [new IPv4([198, 18, 0, 0]), 15],
            [new IPv4([198, 51, 100, 0]), 24],
            [new IPv4([203, 0, 113, 0]), 24],
            [new IPv4([240, 0, 0, 0]), 4]
          ],
          // RFC7534, RFC7535
          as112: [
            [new IPv4([192, 175, 48, 0]), 24],
            [new IPv4([192, 31, 196, 0]), 24]
          ],
          // RFC7450
          amt: [
            [new IPv4([192, 52, 193, 0]), 24]
          ]
        };
        IPv4.prototype.kind = function() {
          return "ipv4";
        };
        IPv4.prototype.match = function(other, cidrRange) {
          let ref;
          if (cidrRange === void 0) {
            ref = other;
            other = ref[0];
            cidrRange = ref[1];
          }
          if (other.kind() !== "ipv4") {
            throw new Error("ipaddr: cannot match ipv4 address with non-ipv4 one");
          }
          return matchCIDR(this.octets, other.octets, 8, cidrRange);
        };
        IPv4.prototype.prefixLengthFromSubnetMask = function() {
          let cidr = 0;
          let stop = false;
          const zerotable = {
            0: 8,
            128: 7,
            192: 6,
            224: 5,
            240: 4,
            248: 3,
            252: 2,
            254: 1,
            255: 0
          };
          let i, octet, zeros;
          for (i = 3; i >= 0; i -= 1) {
            octet = this.octets[i];
            if (octet in zerotable) {
              zeros = zerotable[octet];
              if (stop && zeros !== 0) {
                return null;
              }
              if (zeros !== 8) {
                stop = true;
              }
              cidr += zeros;
            } else {
              return null;
            }
          }
          return 32 - cidr;
        };
        IPv4.prototype.range = function() {
          return ipaddr2.subnetMatch(this, this.SpecialRanges);
        };
        IPv4.prototype.toByteArray = function() {
          return this.octets.slice(0);
        };
        IPv4.prototype.toIPv4MappedAddress = function() {
          return ipaddr2.IPv6.parse(`::ffff:${this.toString()}`);
        };
        IPv4.prototype.toNormalizedString = function() {
          return this.toString();
        };
        IPv4.prototype.toString = function() {
          return this.octets.join(".");
        };
        return IPv4;
      })();
      ipaddr2.IPv4.broadcastAddressFromCIDR = function(string) {
        try {
          const cidr = this.parseCIDR(string);
          const ipInterfaceOctets = cidr[0].toByteArray();
          const subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          const octets = [];
          let i = 0;
          while (i < 4) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) | parseInt(subnetMaskOctets[i], 10) ^ 255);
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv4 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv4.isIPv4 = function(string) {
        return this.parser(string) !== null;
      };
      ipaddr2.IPv4.isValid = function(string) {
        try {
          new this(this.parser(string));
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv4.isValidCIDR = function(string) {
        try {
          this.parseCIDR(string);
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv4.isValidFourPartDecimal = function(string) {
        if (ipaddr2.IPv4.isValid(string) && string.match(/^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}$/)) {
          return true;
        } else {
          return false;
        }
      };
      ipaddr2.IPv4.isValidCIDRFourPartDecimal = function(string) {
        const match = string.match(/^(.+)\/(\d+)$/);
        if (!ipaddr2.IPv4.isValidCIDR(string) || !match) {
          return false;
        }
        return ipaddr2.IPv4.isValidFourPartDecimal(match[1]);
      };
      ipaddr2.IPv4.networkAddressFromCIDR = function(string) {
        let cidr, i, ipInterfaceOctets, octets, subnetMaskOctets;
        try {
          cidr = this.parseCIDR(string);
          ipInterfaceOctets = cidr[0].toByteArray();
          subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          octets = [];
          i = 0;
          while (i < 4) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) & parseInt(subnetMaskOctets[i], 10));
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv4 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv4.parse = function(string) {
        const parts = this.parser(string);
        if (parts === null) {
          throw new Error("ipaddr: string is not formatted like an IPv4 Address");
        }
        return new this(parts);
      };
      ipaddr2.IPv4.parseCIDR = function(string) {
        let match;
        if (match = string.match(/^(.+)\/(\d+)$/)) {
          const maskLength = parseInt(match[2]);
          if (maskLength >= 0 && maskLength <= 32) {
            const parsed = [this.parse(match[1]), maskLength];
            Object.defineProperty(parsed, "toString", {
              value: function() {
                return this.join("/");
              }
            });
            return parsed;
          }
        }
        throw new Error("ipaddr: string is not formatted like an IPv4 CIDR range");
      };
      ipaddr2.IPv4.parser = function(string) {
        let match, part, value;
        if (match = string.match(ipv4Regexes.fourOctet)) {
          return (function() {
            const ref = match.slice(1, 6);
            const results = [];
            for (let i = 0; i < ref.length; i++) {
              part = ref[i];
              results.push(parseIntAuto(part));
            }
            return results;
          })();
        } else if (match = string.match(ipv4Regexes.longValue)) {
          value = parseIntAuto(match[1]);
          if (value > 4294967295 || value < 0) {
            throw new Error("ipaddr: address outside defined range");
          }
          return (function() {
            const results = [];
            let shift;
            for (shift = 0; shift <= 24; shift += 8) {
              results.push(value >> shift & 255);
            }
            return results;
          })().reverse();
        } else if (match = string.match(ipv4Regexes.twoOctet)) {
          return (function() {
            const ref = match.slice(1, 4);
            const results = [];
            value = parseIntAuto(ref[1]);
            if (value > 16777215 || value < 0) {
              throw new Error("ipaddr: address outside defined range");
            }
            results.push(parseIntAuto(ref[0]));
            results.push(value >> 16 & 255);
            results.push(value >> 8 & 255);
            results.push(value & 255);
            return results;
          })();
        } else if (match = string.match(ipv4Regexes.threeOctet)) {
          return (function() {
            const ref = match.slice(1, 5);
            const results = [];
            value = parseIntAuto(ref[2]);
            if (value > 65535 || value < 0) {
              throw new Error("ipaddr: address outside defined range");
            }
            results.push(parseIntAuto(ref[0]));
            results.push(parseIntAuto(ref[1]));
            results.push(value >> 8 & 255);
            results.push(value & 255);
            return results;
          })();
        } else {
          return null;
        }
      };
      ipaddr2.IPv4.subnetMaskFromPrefixLength = function(prefix) {
        prefix = parseInt(prefix);
        if (Number.isNaN(prefix) || prefix < 0 || prefix > 32) {
          throw new Error("ipaddr: invalid IPv4 prefix length");
        }
        const octets = [0, 0, 0, 0];
        let j = 0;
        const filledOctetCount = Math.floor(prefix / 8);
        while (j < filledOctetCount) {
          octets[j] = 255;
          j++;
        }
        if (filledOctetCount < 4) {
          octets[filledOctetCount] = Math.pow(2, prefix % 8) - 1 << 8 - prefix % 8;
        }
        return new this(octets);
      };
      ipaddr2.IPv6 = (function() {
        function IPv6(parts, zoneId) {
          let i, part;
          if (parts.length === 16) {
            this.parts = [];
            for (i = 0; i <= 14; i += 2) {
              this.parts.push(parts[i] << 8 | parts[i + 1]);
            }
          } else if (parts.length === 8) {
            this.parts = parts;
          } else {
            throw new Error("ipaddr: ipv6 part count should be 8 or 16");
          }
          for (i = 0; i < this.parts.length; i++) {
            part = this.parts[i];
            if (!(0 <= part && part <= 65535)) {
              throw new Error("ipaddr: ipv6 part should fit in 16 bits");
            }
          }
          if (zoneId) {
            this.zoneId = zoneId;
          }
        }
        IPv6.prototype.SpecialRanges = {
          // RFC4291, here and after
          unspecified: [new IPv6([0, 0, 0, 0, 0, 0, 0, 0]), 128],
          linkLocal: [new IPv6([65152, 0, 0, 0, 0, 0, 0, 0]), 10],
          multicast: [new IPv6([65280, 0, 0, 0, 0, 0, 0, 0]), 8],
          loopback: [new IPv6([0, 0, 0, 0, 0, 0, 0, 1]), 128],
          uniqueLocal: [new IPv6([64512, 0, 0, 0, 0, 0, 0, 0]), 7],
          ipv4Mapped: [new IPv6([0, 0, 0, 0, 0, 65535, 0, 0]), 96],
          // RFC3879
          deprecatedSiteLocal: [new IPv6([65216, 0, 0, 0, 0, 0, 0, 0]), 10],
          // RFC6666
          discard: [new IPv6([256, 0, 0, 0, 0, 0, 0, 0]), 64],
          // RFC6145
          rfc6145: [new IPv6([0, 0, 0, 0, 65535, 0, 0, 0]), 96],
          rfc6052: [
            // RFC6052
            [new IPv6([100, 65435, 0, 0, 0, 0, 0, 0]), 96],
            // RFC8215
            [new IPv6([100, 65435, 1, 0, 0, 0, 0, 0]), 48]
          ],
          // RFC3056
          "6to4": [new IPv6([8194, 0, 0, 0, 0, 0, 0, 0]), 16],
          // RFC6052, RFC6146
          teredo: [new IPv6([8193, 0, 0, 0, 0, 0, 0, 0]), 32],
          // RFC5180
          benchmarking: [new IPv6([8193, 2, 0, 0, 0, 0, 0, 0]), 48],
          // RFC7450
          amt: [new IPv6([8193, 3, 0, 0, 0, 0, 0, 0]), 32],
          as112v6: [
            // RFC7535
            [new IPv6([8193, 4, 274, 0, 0, 0, 0, 0]), 48],
            // RFC7534
            [new IPv6([9760, 79, 32768, 0, 0, 0, 0, 0]), 48]
          ],
          // RFC4843
          deprecatedOrchid: [new IPv6([8193, 16, 0, 0, 0, 0, 0, 0]), 28],
          // RFC7343
          orchid2: [new IPv6([8193, 32, 0, 0, 0, 0, 0, 0]), 28],
          // RFC9374
          droneRemoteIdProtocolEntityTags: [new IPv6([8193, 48, 0, 0, 0, 0, 0, 0]), 28],
          // RFC9602
          segmentRouting: [new IPv6([24320, 0, 0, 0, 0, 0, 0, 0]), 16],
          reserved: [
            // RFC3849
            [new IPv6([8193, 0, 0, 0, 0, 0, 0, 0]), 23],
            // RFC2928
            [new IPv6([8193, 3512, 0, 0, 0, 0, 0, 0]), 32],
            // RFC9637
            [new IPv6([16383, 0, 0, 0, 0, 0, 0, 0]), 20]
          ]
        };
        IPv6.prototype.isIPv4MappedAddress = function() {
          return this.range() === "ipv4Mapped";
        };
        IPv6.prototype.kind = function() {
          return "ipv6";
        };
        IPv6.prototype.match = function(other, cidrRange) {
          let ref;
          if (cidrRange === void 0) {
            ref = other;
            other = ref[0];
            cidrRange = ref[1];
          }
          if (other.kind() !== "ipv6") {
            throw new Error("ipaddr: cannot match ipv6 address with non-ipv6 one");
          }
          return matchCIDR(this.parts, other.parts, 16, cidrRange);
        };
        IPv6.prototype.prefixLengthFromSubnetMask = function() {
          let cidr = 0;
          let stop = false;
          const zerotable = {
            0: 16,
            32768: 15,
            49152: 14,
            57344: 13,
            61440: 12,
            63488: 11,
            64512: 10,
            65024: 9,
            65280: 8,
            65408: 7,
            65472: 6,
            65504: 5,
            65520: 4,
            65528: 3,
            65532: 2,
            65534: 1,
            65535: 0
          };
          let part, zeros;
          for (let i = 7; i >= 0; i -= 1) {
            part = this.parts[i];
            if (part in zerotable) {
              zeros = zerotable[part];
              if (stop && zeros !== 0) {
                return null;
              }
              if (zeros !== 16) {
                stop = true;
              }
              cidr += zeros;
            } else {
              return null;
            }
          }
          return 128 - cidr;
        };
        IPv6.prototype.range = function() {
          return ipaddr2.subnetMatch(this, this.SpecialRanges);
        };
        IPv6.prototype.toByteArray = function() {
          let part;
          const bytes = [];
          const ref = this.parts;
          for (let i = 0; i < ref.length; i++) {
            part = ref[i];
            bytes.push(part >> 8);
            bytes.push(part & 255);
          }
          return bytes;
        };
        IPv6.prototype.toFixedLengthString = function() {
          const addr = (function() {
            const results = [];
            for (let i = 0; i < this.parts.length; i++) {
              results.push(padPart(this.parts[i].toString(16), 4));
            }
            return results;
          }).call(this).join(":");
          let suffix = "";
          if (this.zoneId) {
            suffix = `%${this.zoneId}`;
          }
          return addr + suffix;
        };
        IPv6.prototype.toIPv4Address = function() {
          if (!this.isIPv4MappedAddress()) {
            throw new Error("ipaddr: trying to convert a generic ipv6 address to ipv4");
          }
          const ref = this.parts.slice(-2);
          const high = ref[0];
          const low = ref[1];
          return new ipaddr2.IPv4([high >> 8, high & 255, low >> 8, low & 255]);
        };
        IPv6.prototype.toNormalizedString = function() {
          const addr = (function() {
            const results = [];
            for (let i = 0; i < this.parts.length; i++) {
              results.push(this.parts[i].toString(16));
            }
            return results;
          }).call(this).join(":");
          let suffix = "";
          if (this.zoneId) {
            suffix = `%${this.zoneId}`;
          }
          return addr + suffix;
        };
        IPv6.prototype.toRFC5952String = function() {
          const regex = /((^|:)(0(:|$)){2,})/g;
          let suffix = "";
          if (this.zoneId) {
            suffix = `%${this.zoneId}`;
          }
          const normalized = this.toNormalizedString();
          const string = normalized.slice(0, normalized.length - suffix.length);
          let bestMatchIndex = 0;
          let bestMatchLength = -1;
          let bestMatchGroups = -1;
          let match;
          while (match = regex.exec(string)) {
            const groups = (match[0].match(/0/g) || []).length;
            if (groups > bestMatchGroups) {
              bestMatchGroups = groups;
              bestMatchIndex = match.index;
              bestMatchLength = match[0].length;
            }
          }
          if (bestMatchLength < 0) {
            return string + suffix;
          }
          return `${string.substring(0, bestMatchIndex)}::${string.substring(bestMatchIndex + bestMatchLength)}${suffix}`;
        };
        IPv6.prototype.toString = function() {
          return this.toRFC5952String();
        };
        return IPv6;
      })();
      ipaddr2.IPv6.broadcastAddressFromCIDR = function(string) {
        try {
          const cidr = this.parseCIDR(string);
          const ipInterfaceOctets = cidr[0].toByteArray();
          const subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          const octets = [];
          let i = 0;
          while (i < 16) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) | parseInt(subnetMaskOctets[i], 10) ^ 255);
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv6 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv6.isIPv6 = function(string) {
        return this.parser(string) !== null;
      };
      ipaddr2.IPv6.isValid = function(string) {
        if (typeof string === "string" && string.indexOf(":") === -1) {
          return false;
        }
        try {
          const addr = this.parser(string);
          new this(addr.parts, addr.zoneId);
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv6.isValidCIDR = function(string) {
        if (typeof string === "string" && string.indexOf(":") === -1) {
          return false;
        }
        try {
          this.parseCIDR(string);
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv6.networkAddressFromCIDR = function(string) {
        let cidr, i, ipInterfaceOctets, octets, subnetMaskOctets;
        try {
          cidr = this.parseCIDR(string);
          ipInterfaceOctets = cidr[0].toByteArray();
          subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          octets = [];
          i = 0;
          while (i < 16) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) & parseInt(subnetMaskOctets[i], 10));
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv6 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv6.parse = function(string) {
        const addr = this.parser(string);
        if (addr === null) {
          throw new Error("ipaddr: string is not formatted like an IPv6 Address");
        }
        return new this(addr.parts, addr.zoneId);
      };
      ipaddr2.IPv6.parseCIDR = function(string) {
        let maskLength, match, parsed;
        if (match = string.match(/^(.+)\/(\d+)$/)) {
          maskLength = parseInt(match[2]);
          if (maskLength >= 0 && maskLength <= 128) {
            parsed = [this.parse(match[1]), maskLength];
            Object.defineProperty(parsed, "toString", {
              value: function() {
                return this.join("/");
              }
            });
            return parsed;
          }
        }
        throw new Error("ipaddr: string is not formatted like an IPv6 CIDR range");
      };
      ipaddr2.IPv6.parser = function(string) {
        let addr, i, match, octet, octets, zoneId;
        if (match = string.match(ipv6Regexes.deprecatedTransitional)) {
          return this.parser(`::ffff:${match[1]}`);
        }
        if (ipv6Regexes.native.test(string)) {
          return expandIPv6(string, 8);
        }
        if (match = string.match(ipv6Regexes.transitional)) {
          zoneId = match[6] || "";
          addr = match[1];
          if (!match[1].endsWith("::")) {
            addr = addr.slice(0, -1);
          }
          addr = expandIPv6(addr + zoneId, 6);
          if (addr && addr.parts) {
            octets = [
              parseInt(match[2]),
              parseInt(match[3]),
              parseInt(match[4]),
              parseInt(match[5])
            ];
            for (i = 0; i < octets.length; i++) {
              octet = octets[i];
              if (!(0 <= octet && octet <= 255)) {
                return null;
              }
            }
            addr.parts.push(octets[0] << 8 | octets[1]);
            addr.parts.push(octets[2] << 8 | octets[3]);
            return {
              parts: addr.parts,
              zoneId: addr.zoneId
            };
          }
        }
        return null;
      };
      ipaddr2.IPv6.subnetMaskFromPrefixLength = function(prefix) {
        prefix = parseInt(prefix);
        if (Number.isNaN(prefix) || prefix < 0 || prefix > 128) {
          throw new Error("ipaddr: invalid IPv6 prefix length");
        }
        const octets = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let j = 0;
        const filledOctetCount = Math.floor(prefix / 8);
        while (j < filledOctetCount) {
          octets[j] = 255;
          j++;
        }
        if (filledOctetCount < 16) {
          octets[filledOctetCount] = Math.pow(2, prefix % 8) - 1 << 8 - prefix % 8;
        }
        return new this(octets);
      };
      ipaddr2.fromByteArray = function(bytes) {
        const length = bytes.length;
        if (length === 4) {
          return new ipaddr2.IPv4(bytes);
        } else if (length === 16) {
          return new ipaddr2.IPv6(bytes);
        } else {
          throw new Error("ipaddr: the binary input is neither an IPv6 nor IPv4 address");
        }
      };
      ipaddr2.isValid = function(string) {
        return ipaddr2.IPv6.isValid(string) || ipaddr2.IPv4.isValid(string);
      };
      ipaddr2.isValidCIDR = function(string) {
        return ipaddr2.IPv6.isValidCIDR(string) || ipaddr2.IPv4.isValidCIDR(string);
      };
      ipaddr2.parse = function(string) {
        if (ipaddr2.IPv6.isValid(string)) {
          return ipaddr2.IPv6.parse(string);
        } else if (ipaddr2.IPv4.isValid(string)) {
          return ipaddr2.IPv4.parse(string);
        } else {
          throw new Error("ipaddr: the address has neither IPv6 nor IPv4 format");
        }
      };
      ipaddr2.parseCIDR = function(string) {
        try {
          return ipaddr2.IPv6.parseCIDR(string);
        } catch {
          try {
            return ipaddr2.IPv4.parseCIDR(string);
          } catch (e) {
            throw new Error("ipaddr: the address has neither IPv6 nor IPv4 CIDR format", { cause: e });
          }
        }
      };
      ipaddr2.process = function(string) {
        const addr = this.parse(string);
        if (addr.kind() === "ipv6" && addr.isIPv4MappedAddress()) {
          return addr.toIPv4Address();
        } else {
          return addr;
        }
      };
      ipaddr2.subnetMatch = function(address, rangeList, defaultName) {
        let i, rangeName2, rangeSubnets, subnet;
        if (defaultName === void 0 || defaultName === null) {
          defaultName = "unicast";
        }
        for (rangeName2 in rangeList) {
          if (Object.prototype.hasOwnProperty.call(rangeList, rangeName2)) {
            rangeSubnets = rangeList[rangeName2];
            if (rangeSubnets[0] && !(rangeSubnets[0] instanceof Array)) {
              rangeSubnets = [rangeSubnets];
            }
            for (i = 0; i < rangeSubnets.length; i++) {
              subnet = rangeSubnets[i];
              if (address.kind() === subnet[0].kind() && address.match.apply(address, subnet)) {
                return rangeName2;
              }
            }
          }
        }
        return defaultName;
      };
      if (typeof module !== "undefined" && module.exports) {
        module.exports = ipaddr2;
      } else {
        root.ipaddr = ipaddr2;
      }
    })(exports);
  }
});

// src/app/analysis-thread.ts
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";

// src/config/config.ts
var DEFAULT_RENDER_MAX_OUTPUT_BYTES = 50 * 1024 * 1024;
var DEFAULT_EXCLUDE = ["**/.git/**", "**/node_modules/**", "**/templates/**"];
function defaultConfig() {
  return { failOn: "high", include: [], exclude: [...DEFAULT_EXCLUDE], maxFileBytes: 5 * 1024 * 1024, rules: {} };
}

// src/findings/finding.ts
import { createHash } from "node:crypto";
var FINGERPRINT_IMPLICIT_GROUPS = /* @__PURE__ */ new Set(["", "networking.k8s.io", "apps", "batch", "gateway.networking.k8s.io", "traefik.io", "route.openshift.io"]);
function fingerprintOf(ruleId, resource, key) {
  const group = resource && !FINGERPRINT_IMPLICIT_GROUPS.has(resource.group) ? `${resource.group}/` : "";
  const subject = resource ? `${group}${resource.kind}/${resource.namespace}/${resource.name}` : "";
  return createHash("sha256").update(`${ruleId}\0${subject}\0${key}`).digest("hex").slice(0, 16);
}

// src/findings/severity.ts
var SEVERITIES = ["critical", "high", "medium", "low", "info"];
function severityRank(severity) {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(severity);
}

// src/model/json.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function getIn(value, path) {
  let current = value;
  for (const key of path) {
    if (typeof key === "number") {
      if (!Array.isArray(current)) return void 0;
      current = current[key];
    } else {
      if (!isObject(current)) return void 0;
      current = current[key];
    }
    if (current === void 0) return void 0;
  }
  return current;
}
function asArray(value) {
  return Array.isArray(value) ? value : void 0;
}
function deepEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys2 = Object.keys(a);
    if (keys2.length !== Object.keys(b).length) return false;
    return keys2.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}
function identicalJson(a, b) {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => identicalJson(item, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const [keysA, keysB] = [Object.keys(a), Object.keys(b)];
  return keysA.length === keysB.length && keysA.every((k, i) => k === keysB[i] && identicalJson(a[k], b[k]));
}

// src/model/identity.ts
function apiGroupOf(apiVersion) {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}
var GROUP_ALIASES = {
  Ingress: { extensions: "networking.k8s.io" },
  NetworkPolicy: { extensions: "networking.k8s.io" },
  Deployment: { extensions: "apps", "apps.openshift.io": "apps.openshift.io" },
  DaemonSet: { extensions: "apps" },
  ReplicaSet: { extensions: "apps" },
  IngressRoute: { "traefik.containo.us": "traefik.io" },
  Middleware: { "traefik.containo.us": "traefik.io" },
  TLSOption: { "traefik.containo.us": "traefik.io" }
};
function canonicalGroup(kind, group) {
  const aliases = Object.hasOwn(GROUP_ALIASES, kind) ? GROUP_ALIASES[kind] : void 0;
  return aliases && Object.hasOwn(aliases, group) ? aliases[group] : group;
}
var CLUSTER_SCOPED_KINDS = /* @__PURE__ */ new Set([
  "Namespace",
  "Node",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "IngressClass",
  "GatewayClass",
  "GlobalNetworkPolicy",
  "AdminNetworkPolicy",
  "BaselineAdminNetworkPolicy",
  "CiliumClusterwideNetworkPolicy",
  "PersistentVolume",
  "StorageClass",
  "PriorityClass",
  "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration"
]);
function isClusterScoped(kind) {
  return CLUSTER_SCOPED_KINDS.has(kind);
}
function identityKey(id) {
  const parts = [id.group, id.kind, id.namespace, id.name].join("/");
  return id.scope === void 0 ? parts : [parts, id.scope].join("@");
}
function describeIdentity(id) {
  const name = id.namespace ? `${id.kind} ${id.namespace}/${id.name}` : `${id.kind} ${id.name}`;
  return id.environment === void 0 ? name : `${name} in ${id.environment}`;
}
function describeEnvironment(target) {
  const dir = target.path === "" ? "." : target.path;
  return target.name === dir ? dir : `${target.name} (${dir})`;
}

// src/findings/suppression.ts
var IGNORE_ANNOTATION = "segguard.io/ignore";
var SUPPRESSION_INVALID = "suppression-invalid";
function suppressionOf(resource) {
  const value = resource?.annotations()[IGNORE_ANNOTATION];
  if (value === void 0) return void 0;
  const colon = value.indexOf(":");
  const ids = colon < 0 ? value : value.slice(0, colon);
  const reason = colon < 0 ? "" : value.slice(colon + 1).trim();
  return { ruleIds: ids.split(",").map((s) => s.trim()).filter(Boolean), reason };
}
function coveringSuppression(resource, ruleId) {
  const suppression = suppressionOf(resource);
  return suppression?.reason && suppression.ruleIds.includes(ruleId) ? suppression : void 0;
}
var ANNOTATION_PATH = ["metadata", "annotations", IGNORE_ANNOTATION];
function judgeSuppressions(findings, base, head, mode, approval) {
  for (const finding of findings) {
    if (!finding.resource || finding.ruleId === SUPPRESSION_INVALID) continue;
    const key = identityKey(finding.resource);
    const before = base.byKey.get(key);
    const after = head.byKey.get(key);
    if (mode === "tree") {
      const own = coveringSuppression(after ?? before, finding.ruleId);
      if (own) finding.suppressed = { reason: own.reason };
      continue;
    }
    const held = coveringSuppression(before, finding.ruleId);
    if (held && before && after && deepEqual(before.object, after.object)) {
      finding.suppressed = { reason: held.reason };
      continue;
    }
    if (held && before) {
      finding.related.push({
        ...before.at(ANNOTATION_PATH),
        side: "base",
        message: `the base's ${IGNORE_ANNOTATION} ("${held.reason}") covers the base version only: this change ${after ? "alters" : "deletes"} ${describeIdentity(before)}, so the finding counts`
      });
    }
    const proposed = coveringSuppression(after, finding.ruleId);
    if (proposed && after) {
      finding.proposedSuppression = { reason: proposed.reason, location: { ...after.at(ANNOTATION_PATH), side: "head" } };
      if (approval?.state === "approved") finding.suppressed = { reason: proposed.reason, approvedBy: [...approval.by] };
    }
  }
}
function proposalNote(findings, approvers, approval) {
  const proposed = findings.filter((f) => f.proposedSuppression);
  if (proposed.length === 0) return void 0;
  const what = proposed.length === 1 ? "1 finding carries a suppression" : `${proposed.length} findings carry a suppression`;
  if (approval?.state === "approved") return `${what} this change proposes; applied: approved on the current head by ${approval.by.join(", ")}.`;
  const until = approvers.length > 0 ? `until it is merged or one of suppressions.approvers (${approvers.join(", ")}) approves the current head` : "until it is merged (no suppressions.approvers are configured)";
  const why = approval?.state === "unavailable" ? ` The approving reviews could not be read (${approval.reason}), so none is applied.` : "";
  return `${what} this change proposes: a change cannot silence its own findings, so they count for the gate ${until}.${why}`;
}
var MAX_NAMED_SUPPRESSIONS = 10;
function addedSuppressionsNote(base, head) {
  const added = [];
  for (const resource of head.resources) {
    if (base.byKey.get(resource.key) === resource) continue;
    const suppression = suppressionOf(resource);
    if (!suppression?.reason || suppression.ruleIds.length === 0) continue;
    const before = suppressionOf(base.byKey.get(resource.key));
    const held = before?.reason ? before.ruleIds : [];
    const widened = suppression.ruleIds.filter((id) => !held.includes(id));
    if (widened.length === 0) continue;
    const at = resource.at(ANNOTATION_PATH);
    added.push(`${describeIdentity(resource)} (${at.path}:${at.line}): ${widened.join(", ")}`);
  }
  if (added.length === 0) return void 0;
  const more = added.length > MAX_NAMED_SUPPRESSIONS ? `; and ${added.length - MAX_NAMED_SUPPRESSIONS} more` : "";
  return `This change adds ${IGNORE_ANNOTATION} suppressions, which take effect once merged: ${added.slice(0, MAX_NAMED_SUPPRESSIONS).join("; ")}${more}.`;
}

// node_modules/js-yaml/dist/js-yaml.mjs
var NOT_RESOLVED = /* @__PURE__ */ Symbol("NOT_RESOLVED");
function defineScalarTag(tagName, options) {
  return {
    tagName,
    nodeKind: "scalar",
    implicit: options.implicit ?? false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    implicitFirstChars: options.implicitFirstChars ?? null,
    resolve: options.resolve,
    identify: options.identify,
    represent: options.represent ?? ((data) => String(data)),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineSequenceTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "sequence",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addItem: options.addItem,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineMappingTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "mapping",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addPair: options.addPair,
    has: options.has,
    keys: options.keys,
    get: options.get,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
  resolve: (source) => source,
  identify: (data) => typeof data === "string"
});
var NULL_VALUES$1 = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES$1.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: ["n"],
  resolve: (source, isExplicit) => {
    if (source === "null" || isExplicit && source === "") return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var NULL_VALUES = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var TRUE_VALUES$2 = [
  "true",
  "True",
  "TRUE"
];
var FALSE_VALUES$2 = [
  "false",
  "False",
  "FALSE"
];
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "t",
    "T",
    "f",
    "F"
  ],
  resolve: (source) => {
    if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: ["t", "f"],
  resolve: (source) => {
    if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES = [
  "true",
  "True",
  "TRUE",
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "on",
  "On",
  "ON"
];
var FALSE_VALUES = [
  "false",
  "False",
  "FALSE",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "off",
  "Off",
  "OFF"
];
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "y",
    "Y",
    "n",
    "N",
    "t",
    "T",
    "f",
    "F",
    "o",
    "O"
  ],
  resolve: (source) => {
    if (TRUE_VALUES.indexOf(source) !== -1) return true;
    if (FALSE_VALUES.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$2(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger$2,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$1(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlInteger$1,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
  let value = source.replace(/_/g, "");
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  if (value.includes(":")) {
    let result = 0;
    for (const part of value.split(":")) result = result * 60 + Number(part);
    return sign * result;
  }
  if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
  if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
  if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase();
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  const result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat$2,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$2
});
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
    let value = source.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".includes(value[0])) value = value.slice(1);
    if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    if (value === ".nan") return NaN;
    const result2 = sign * parseFloat(value);
    return Number.isFinite(result2) ? result2 : NOT_RESOLVED;
  }
  if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = Number(source);
  if (Number.isFinite(result)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlFloat$1,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$1
});
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
  if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase().replace(/_/g, "");
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  let result = 0;
  if (value.includes(":")) {
    for (const part of value.split(":")) result = result * 60 + Number(part);
    result *= sign;
  } else result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat
});
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
  implicit: true,
  implicitFirstChars: ["<"],
  resolve: (source, isExplicit) => {
    if (source === "<<" || isExplicit && source === "") return "<<";
    return NOT_RESOLVED;
  },
  identify: () => false
});
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
  const input = source.replace(/\s/g, "");
  if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
  const binary = atob(input);
  const result = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
  return result;
}
function representYamlBinary(object) {
  let binary = "";
  for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
  return btoa(binary);
}
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
  resolve: resolveYamlBinary,
  identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
  represent: representYamlBinary
});
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
  const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
  date.setUTCFullYear(year, month, day);
  return date;
}
function resolveYamlTimestamp(source) {
  let match = YAML_DATE_REGEXP.exec(source);
  if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
  if (match === null) return NOT_RESOLVED;
  const year = +match[1];
  const month = +match[2] - 1;
  const day = +match[3];
  if (!match[4]) {
    const date2 = makeUtcDate(year, month, day);
    if (date2.getUTCFullYear() !== year || date2.getUTCMonth() !== month || date2.getUTCDate() !== day) return NOT_RESOLVED;
    return date2;
  }
  const hour = +match[4];
  const minute = +match[5];
  const second = +match[6];
  let fraction = 0;
  if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
  if (match[7]) {
    let value = match[7].slice(0, 3);
    while (value.length < 3) value += "0";
    fraction = +value;
  }
  const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
  if (match[9]) {
    const offsetHour = +match[10];
    const offsetMinute = +(match[11] || 0);
    if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
    const offset = (offsetHour * 60 + offsetMinute) * 6e4;
    date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
  }
  return date;
}
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
  implicit: true,
  implicitFirstChars: [..."0123456789"],
  resolve: resolveYamlTimestamp,
  identify: (object) => object instanceof Date,
  represent: (object) => object.toISOString()
});
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
  create: () => [],
  addItem: (container, item) => {
    container.push(item);
  },
  identify: Array.isArray
});
function isPlainObject(data) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
  const prototype = Object.getPrototypeOf(data);
  return prototype === null || prototype === Object.prototype;
}
function pick(object, keys2) {
  const result = {};
  for (const key of keys2) if (object[key] !== void 0) result[key] = object[key];
  return result;
}
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
  create: () => ({
    list: [],
    seen: /* @__PURE__ */ new Set()
  }),
  addItem: (carrier, item) => {
    let key;
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve an ordered map item";
      key = item.keys().next().value;
    } else if (isPlainObject(item)) {
      const itemKeys = Object.keys(item);
      if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
      key = itemKeys[0];
    } else return "cannot resolve an ordered map item";
    if (carrier.seen.has(key)) return "duplicate key in ordered map";
    carrier.seen.add(key);
    carrier.list.push(item);
    return "";
  },
  finalize: (carrier) => carrier.list,
  identify: () => false
});
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
  create: () => [],
  addItem: (container, item) => {
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve a pairs item";
      container.push(item.entries().next().value);
      return "";
    }
    if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
    const object = item;
    const keys2 = Object.keys(object);
    if (keys2.length !== 1) return "cannot resolve a pairs item";
    container.push([keys2[0], object[keys2[0]]]);
    return "";
  },
  identify: () => false
});
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of Object.keys(o)) map.set(key, o[key]);
    return map;
  },
  addPair: (container, key, value) => {
    if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
    const normalizedKey = String(key);
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key) => {
    if (key !== null && typeof key === "object") return false;
    return Object.prototype.hasOwnProperty.call(container, String(key));
  },
  keys: (container) => Object.keys(container),
  get: (container, key) => {
    const normalizedKey = String(key);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
  create: () => /* @__PURE__ */ new Set(),
  identify: (data) => data instanceof Set,
  represent: (data) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of data) map.set(key, null);
    return map;
  },
  addPair: (container, key, value) => {
    if (value !== null) return "cannot resolve a set item";
    container.add(key);
    return "";
  },
  has: (container, key) => container.has(key),
  keys: (container) => container.keys(),
  get: () => null
});
function createTagDefinitionMap() {
  return {
    scalar: /* @__PURE__ */ Object.create(null),
    sequence: /* @__PURE__ */ Object.create(null),
    mapping: /* @__PURE__ */ Object.create(null)
  };
}
function createTagDefinitionListMap() {
  return {
    scalar: [],
    sequence: [],
    mapping: []
  };
}
function compileTags(tags) {
  const result = [];
  for (const tag of tags) {
    let index = result.length;
    for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
      const previous = result[previousIndex];
      if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
        index = previousIndex;
        break;
      }
    }
    result[index] = tag;
  }
  return result;
}
var Schema = class Schema2 {
  tags;
  /** @internal */
  implicitScalarTags;
  /**
  * Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
  * the resolvers that may match that key, in schema order; a key absent from
  * the map uses
  * {@link Schema.implicitScalarAnyFirstChar}
  * (resolvers that declared no first-char constraint, so they apply to any
  * first character).
  */
  implicitScalarByFirstChar;
  implicitScalarAnyFirstChar;
  /**
  * The default scalar tag (`!!str`), resolved once so the composer's fallback
  * for unresolved plain scalars avoids a keyed lookup per scalar.
  *
  * @internal
  */
  defaultScalarTag;
  /**
  * The default container tags (`!!seq` / `!!map`), used by the dumper: when a
  * value is identified by its default tag, the tag is implicit and not
  * printed. Undefined if the schema does not define them (then such values
  * can't be dumped).
  *
  * @internal
  */
  defaultSequenceTag;
  /** @internal */
  defaultMappingTag;
  exact;
  prefix;
  constructor(tags) {
    const compiledTags = compileTags(tags);
    const implicitScalarTags = [];
    const exact = createTagDefinitionMap();
    const prefix = createTagDefinitionListMap();
    for (const tag of compiledTags) {
      if (tag.nodeKind === "scalar" && tag.implicit) {
        if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
        implicitScalarTags.push(tag);
      }
      switch (tag.nodeKind) {
        case "scalar":
          if (tag.matchByTagPrefix) prefix.scalar.push(tag);
          else exact.scalar[tag.tagName] = tag;
          break;
        case "sequence":
          if (tag.matchByTagPrefix) prefix.sequence.push(tag);
          else exact.sequence[tag.tagName] = tag;
          break;
        case "mapping":
          if (tag.matchByTagPrefix) prefix.mapping.push(tag);
          else exact.mapping[tag.tagName] = tag;
      }
    }
    const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
    const keys2 = /* @__PURE__ */ new Set();
    for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys2.add(key);
    const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
    for (const key of keys2) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
    const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
    if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
    this.tags = compiledTags;
    this.implicitScalarTags = implicitScalarTags;
    this.implicitScalarByFirstChar = implicitScalarByFirstChar;
    this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
    this.defaultScalarTag = defaultScalarTag;
    this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
    this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
    this.exact = exact;
    this.prefix = prefix;
  }
  /** @internal */
  lookupScalarTag(tagName) {
    const exactTag = this.exact.scalar[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupSequenceTag(tagName) {
    const exactTag = this.exact.sequence[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupMappingTag(tagName) {
    const exactTag = this.exact.mapping[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  resolveImplicitScalarTag(source) {
    const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
    for (const tag2 of candidates) {
      const value = tag2.resolve(source, false, tag2.tagName);
      if (value !== NOT_RESOLVED) return {
        value,
        tag: tag2
      };
    }
    const tag = this.defaultScalarTag;
    return {
      value: tag.resolve(source, false, tag.tagName),
      tag
    };
  }
  /**
  * Creates a new schema with the specified tags added. If a tag already
  * exists, it is replaced by the specified tag.
  *
  * @example
  *
  * ```javascript
  * import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
  *
  * const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
  * ```
  */
  withTags(...tags) {
    let flatTags = [];
    for (const tag of tags) flatTags = flatTags.concat(tag);
    return new Schema2([...this.tags, ...flatTags]);
  }
};
var FAILSAFE_SCHEMA = new Schema([
  strTag,
  seqTag,
  mapTag
]);
var JSON_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullJsonTag,
  boolJsonTag,
  intJsonTag,
  floatJsonTag
]);
var CORE_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullCoreTag,
  boolCoreTag,
  intCoreTag,
  floatCoreTag
]);
var YAML11_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullYaml11Tag,
  boolYaml11Tag,
  intYaml11Tag,
  floatYaml11Tag,
  timestampTag,
  mergeTag,
  binaryTag,
  omapTag,
  pairsTag,
  setTag
]);
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
  ...intYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = intYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
  }
}, {
  ...floatYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
  }
});
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => /* @__PURE__ */ new Map(),
  addPair: (container, key, value) => {
    container.set(key, value);
    return "";
  },
  has: (container, key) => container.has(key),
  keys: (container) => container.keys(),
  get: (container, key) => container.get(key),
  identify: (data) => data instanceof Map || isPlainObject(data),
  represent: (data) => {
    if (data instanceof Map) return data;
    const map = /* @__PURE__ */ new Map();
    const obj = data;
    for (const key of Object.keys(obj)) map.set(key, obj[key]);
    return map;
  }
});
function normalizeKey(key) {
  if (Array.isArray(key)) {
    const array = Array.prototype.slice.call(key);
    for (let index = 0; index < array.length; index++) {
      if (Array.isArray(array[index])) return null;
      if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
    }
    return String(array);
  }
  if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
  return String(key);
}
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of Object.keys(o)) map.set(key, o[key]);
    return map;
  },
  addPair: (container, key, value) => {
    const normalizedKey = normalizeKey(key);
    if (normalizedKey === null) return "nested arrays are not supported inside keys";
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key) => {
    const normalizedKey = normalizeKey(key);
    return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
  },
  keys: (container) => Object.keys(container),
  get: (container, key) => {
    const normalizedKey = String(key);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var DEFAULT_SNIPPET_OPTIONS = {
  maxLength: 79,
  indent: 1,
  linesBefore: 3,
  linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
  let head = "";
  let tail = "";
  const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
  if (position - lineStart > maxHalfLength) {
    head = " ... ";
    lineStart = position - maxHalfLength + head.length;
  }
  if (lineEnd - position > maxHalfLength) {
    tail = " ...";
    lineEnd = position + maxHalfLength - tail.length;
  }
  return {
    str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
    pos: position - lineStart + head.length
  };
}
function padStart(string, max) {
  return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
  if (!mark.buffer) return null;
  const opts = {
    ...DEFAULT_SNIPPET_OPTIONS,
    ...options
  };
  const re = /\r?\n|\r|\0/g;
  const lineStarts = [0];
  const lineEnds = [];
  let match;
  let foundLineNo = -1;
  while (match = re.exec(mark.buffer)) {
    lineEnds.push(match.index);
    lineStarts.push(match.index + match[0].length);
    if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
  }
  if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
  let result = "";
  const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
  const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
  for (let i = 1; i <= opts.linesBefore; i++) {
    if (foundLineNo - i < 0) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
    result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line2.str}
${result}`;
  }
  const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
  result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}
`;
  result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^
`;
  for (let i = 1; i <= opts.linesAfter; i++) {
    if (foundLineNo + i >= lineEnds.length) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
    result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line2.str}
`;
  }
  return result.replace(/\n$/, "");
}
function formatError(exception, compact) {
  let where = "";
  if (!exception.mark) return exception.reason;
  if (exception.mark.name) where += `in "${exception.mark.name}" `;
  where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
  if (!compact && exception.mark.snippet) where += `

${exception.mark.snippet}`;
  return `${exception.reason} ${where}`;
}
var YAMLException = class YAMLException2 extends Error {
  reason;
  mark;
  /**
  * Optional `mark` contains source snippet data. Usually, use
  * {@link YAMLException.throwAt} instead of passing it directly.
  */
  constructor(reason, mark) {
    super();
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
  }
  /**
  * Returns the formatted error, omitting the source snippet in compact mode.
  */
  toString(compact) {
    return `${this.name}: ${formatError(this, compact)}`;
  }
  /**
  * Builds a YAMLException with a source snippet and throws it. `source` is
  * the raw input text; `position` is an offset into it.
  */
  static throwAt(source, position, message, filename = "") {
    let line = 0;
    let lineStart = 0;
    for (let index = 0; index < position; index++) {
      const ch = source.charCodeAt(index);
      if (ch === 10) {
        line++;
        lineStart = index + 1;
      } else if (ch === 13) {
        line++;
        if (source.charCodeAt(index + 1) === 10) index++;
        lineStart = index + 1;
      }
    }
    const mark = {
      name: filename,
      buffer: source,
      position,
      line,
      column: position - lineStart
    };
    mark.snippet = makeSnippet(mark);
    throw new YAMLException2(message, mark);
  }
};
var EVENT_ID = {
  DOCUMENT: 1,
  SEQUENCE: 2,
  MAPPING: 3,
  SCALAR: 4,
  ALIAS: 5,
  POP: 6
};
var SCALAR_STYLE = {
  PLAIN: 1,
  SINGLE_QUOTED: 2,
  DOUBLE_QUOTED: 3,
  LITERAL_BLOCK: 4,
  FOLDED_BLOCK: 5
};
var COLLECTION_STYLE = {
  BLOCK: 1,
  FLOW: 2
};
var CHOMPING_MODE = {
  CLIP: 1,
  STRIP: 2,
  KEEP: 3
};
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
  switch (c) {
    case 48:
      return "\0";
    case 97:
      return "\x07";
    case 98:
      return "\b";
    case 116:
      return "	";
    case 9:
      return "	";
    case 110:
      return "\n";
    case 118:
      return "\v";
    case 102:
      return "\f";
    case 114:
      return "\r";
    case 101:
      return "\x1B";
    case 32:
      return " ";
    case 34:
      return '"';
    case 47:
      return "/";
    case 92:
      return "\\";
    case 78:
      return "";
    case 95:
      return " ";
    case 76:
      return "\u2028";
    case 80:
      return "\u2029";
    default:
      return "";
  }
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
  simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
  simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
  if (c <= 65535) return String.fromCharCode(c);
  return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
  if (c >= 48 && c <= 57) return c - 48;
  return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  return 8;
}
function skipFoldedBreaks(input, position, end) {
  let breaks = 0;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 10) {
      breaks++;
      position++;
    } else if (ch === 13) {
      breaks++;
      position++;
      if (input.charCodeAt(position) === 10) position++;
    } else if (ch === 32 || ch === 9) position++;
    else break;
  }
  return {
    position,
    breaks
  };
}
function foldedBreaks(count) {
  if (count === 1) return " ";
  return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 39) {
      result += input.slice(captureStart, position) + "'";
      position += 2;
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 92) {
      result += input.slice(captureStart, position);
      position++;
      const escaped = input.charCodeAt(position);
      if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
      else if (escaped < 256 && simpleEscapeCheck[escaped]) {
        result += simpleEscapeMap[escaped];
        position++;
      } else {
        let hexLength = escapedHexLen$1(escaped);
        let hexResult = 0;
        for (; hexLength > 0; hexLength--) {
          position++;
          const digit = fromHexCode$1(input.charCodeAt(position));
          hexResult = (hexResult << 4) + digit;
        }
        result += charFromCodepoint(hexResult);
        position++;
      }
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
  const textIndent = indent < 0 ? 0 : indent;
  const region = input.slice(start, end).replace(/\r\n?/g, "\n");
  const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
  let result = "";
  let didReadContent = false;
  let emptyLines = 0;
  let atMoreIndented = false;
  for (const line of lines) {
    let column = 0;
    while (column < textIndent && line.charCodeAt(column) === 32) column++;
    if (indent < 0 || column >= line.length) {
      emptyLines++;
      continue;
    }
    const content = line.slice(textIndent);
    const first = content.charCodeAt(0);
    if (folded) {
      if (first === 32 || first === 9) {
        atMoreIndented = true;
        result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
      } else if (atMoreIndented) {
        atMoreIndented = false;
        result += "\n".repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (didReadContent) result += " ";
      } else result += "\n".repeat(emptyLines);
    } else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
    result += content;
    didReadContent = true;
    emptyLines = 0;
  }
  if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
  else if (chomping !== CHOMPING_MODE.STRIP) {
    if (didReadContent) result += "\n";
  }
  return result;
}
function getScalarValue(input, scalar) {
  if (scalar.valueStart === NO_RANGE$3) return "";
  const { valueStart, valueEnd } = scalar;
  if (scalar.fast) return input.slice(valueStart, valueEnd);
  switch (scalar.style) {
    case SCALAR_STYLE.SINGLE_QUOTED:
      return getSingleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return getDoubleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.LITERAL_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
    case SCALAR_STYLE.FOLDED_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
    default:
      return getPlainValue(input, valueStart, valueEnd);
  }
}
var DEFAULT_TAG_HANDLERS = Object.assign(/* @__PURE__ */ Object.create(null), {
  "!": "!",
  "!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
function tagPercentDecode(source) {
  let result = "";
  let index = 0;
  while (index < source.length) {
    if (source.charCodeAt(index) !== 37) {
      result += source[index++];
      continue;
    }
    let ch = parseInt(source.slice(index + 1, index + 3), 16);
    index += 3;
    if (ch >= 192) {
      let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
      ch &= (1 << 6 - remaining) - 1;
      while (remaining-- > 0) {
        ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
        index += 3;
      }
    }
    if (ch < 65536) result += String.fromCharCode(ch);
    else {
      ch -= 65536;
      result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
    }
  }
  return result;
}
function tagNameFull(rawTag, tagHandlers) {
  if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
  const handleEnd = rawTag.indexOf("!", 1);
  const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
  return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
  filename: "",
  schema: CORE_SCHEMA,
  json: false,
  maxTotalMergeKeys: 1e4,
  maxAliases: -1
};
function eventPosition$1(event) {
  if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
  if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
  if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
  if ("start" in event) return event.start;
  return 0;
}
function throwError$1(state, message) {
  YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
  try {
    return tag.finalize(carrier);
  } catch (error) {
    if (error instanceof YAMLException) throw error;
    YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
  }
}
function constructScalar(state, event) {
  const source = getScalarValue(state.source, event);
  const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
  const strTag2 = state.schema.defaultScalarTag;
  if (rawTag !== "") {
    if (rawTag === "!") return {
      value: source,
      tag: strTag2
    };
    const tagName = tagNameFull(rawTag, state.tagHandlers);
    const scalarTag = state.schema.lookupScalarTag(tagName);
    if (scalarTag) {
      const result = scalarTag.resolve(source, true, tagName);
      if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
      return {
        value: result,
        tag: scalarTag
      };
    }
    const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
    if (collectionTagDef) {
      if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
      const carrier = collectionTagDef.create(tagName);
      return {
        value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
        tag: collectionTagDef
      };
    }
    throwError$1(state, `unknown scalar tag !<${tagName}>`);
  }
  if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
  return {
    value: strTag2.resolve(source, false, strTag2.tagName),
    tag: strTag2
  };
}
function collectionTagName(state, event, defaultTagName) {
  const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
  return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
  return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
  state.totalMergeKeys++;
  if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
  chargeMergeWork(state);
  for (const sourceKey of sourceTag.keys(source)) {
    chargeMergeWork(state);
    if (frame.tag.has(frame.value, sourceKey)) continue;
    const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
    if (err) throwError$1(state, err);
    frame.overridable ??= /* @__PURE__ */ new Set();
    frame.overridable.add(sourceKey);
  }
}
function mergeSource(state, frame, source, sourceTag) {
  state.position = frame.keyPosition;
  if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
  else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
    if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
    for (const element of source) {
      const elementTag = state.nodeTags.get(element);
      if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
      mergeKeys(state, frame, element, elementTag);
    }
  } else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
  state.position = frame.keyPosition;
  if (frame.keyIsMerge) {
    mergeSource(state, frame, value, tag);
    return;
  }
  if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
  const err = frame.tag.addPair(frame.value, key, value);
  if (err) throwError$1(state, err);
  frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
  const frame = state.frames[state.frames.length - 1];
  if (frame.kind === "document") {
    frame.value = value;
    frame.hasValue = true;
  } else if (frame.kind === "sequence") {
    if (isMappingTag(tag)) state.nodeTags.set(value, tag);
    const err = frame.tag.addItem(frame.value, value, frame.index++);
    if (err) throwError$1(state, err);
  } else if (frame.hasKey) {
    const key = frame.key;
    frame.key = void 0;
    frame.hasKey = false;
    addMappingValue(state, frame, key, value, tag);
  } else {
    frame.key = value;
    frame.keyPosition = state.position;
    frame.hasKey = true;
    frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
  }
}
function storeAnchor(state, event, value, tag, isValueFinal) {
  if (event.anchorStart !== NO_RANGE$2) {
    const anchor = {
      value,
      tag,
      isValueFinal
    };
    state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
    return anchor;
  }
  return null;
}
function constructFromEvents(events, options) {
  const state = {
    ...DEFAULT_CONSTRUCTOR_OPTIONS,
    ...options,
    events,
    documents: [],
    eventIndex: 0,
    position: 0,
    frames: [],
    anchors: /* @__PURE__ */ new Map(),
    nodeTags: /* @__PURE__ */ new Map(),
    tagHandlers: /* @__PURE__ */ Object.create(null),
    totalMergeKeys: 0,
    aliasCount: 0
  };
  while (state.eventIndex < state.events.length) {
    const event = state.events[state.eventIndex++];
    state.position = eventPosition$1(event);
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        state.anchors = /* @__PURE__ */ new Map();
        state.nodeTags = /* @__PURE__ */ new Map();
        state.aliasCount = 0;
        state.tagHandlers = /* @__PURE__ */ Object.create(null);
        for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
        state.frames.push({
          kind: "document",
          position: state.position,
          value: void 0,
          hasValue: false
        });
        break;
      case EVENT_ID.SCALAR: {
        const { value, tag } = constructScalar(state, event);
        storeAnchor(state, event, value, tag, true);
        addValue(state, value, tag);
        break;
      }
      case EVENT_ID.SEQUENCE: {
        const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
        const tag = state.schema.lookupSequenceTag(tagName);
        if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
        const value = tag.create(tagName);
        const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
        state.frames.push({
          kind: "sequence",
          position: state.position,
          value,
          tag,
          anchor,
          index: 0
        });
        break;
      }
      case EVENT_ID.MAPPING: {
        const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
        const tag = state.schema.lookupMappingTag(tagName);
        if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
        const value = tag.create(tagName);
        const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
        state.frames.push({
          kind: "mapping",
          position: state.position,
          value,
          tag,
          anchor,
          key: void 0,
          keyPosition: state.position,
          hasKey: false,
          keyIsMerge: false,
          overridable: null
        });
        break;
      }
      case EVENT_ID.ALIAS: {
        if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
        const name = state.source.slice(event.anchorStart, event.anchorEnd);
        const anchor = state.anchors.get(name);
        if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
        if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
        addValue(state, anchor.value, anchor.tag);
        break;
      }
      case EVENT_ID.POP: {
        const frame = state.frames.pop();
        if (frame.kind === "mapping" && frame.hasKey) {
          state.position = frame.keyPosition;
          throwError$1(state, "incomplete mapping pair in event stream");
        }
        if (frame.kind === "document") state.documents.push(frame.value);
        else {
          const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
          if (frame.anchor) {
            frame.anchor.value = value;
            frame.anchor.isValueFinal = true;
          }
          addValue(state, value, frame.tag);
        }
        break;
      }
    }
  }
  return state.documents;
}
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
  filename: "",
  maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
  state.events.push({
    type: EVENT_ID.DOCUMENT,
    explicitStart,
    explicitEnd,
    directives: state.directives
  });
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.SEQUENCE,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.MAPPING,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function insertFlowPairMappingEvent(state, snapshot) {
  state.events.splice(snapshot.eventsLength, 0, {
    type: EVENT_ID.MAPPING,
    start: snapshot.position,
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1,
    style: COLLECTION_STYLE.FLOW
  });
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
  state.events.push({
    type: EVENT_ID.SCALAR,
    valueStart,
    valueEnd,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style,
    chomping,
    indent,
    fast
  });
}
function addAliasEvent(state, anchorStart, anchorEnd) {
  state.events.push({
    type: EVENT_ID.ALIAS,
    anchorStart,
    anchorEnd
  });
}
function addPopEvent(state) {
  state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
  addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
  return {
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1
  };
}
function snapshotState(state) {
  return {
    position: state.position,
    line: state.line,
    lineStart: state.lineStart,
    lineIndent: state.lineIndent,
    firstTabInLine: state.firstTabInLine,
    eventsLength: state.events.length
  };
}
function restoreState(state, snapshot) {
  state.position = snapshot.position;
  state.line = snapshot.line;
  state.lineStart = snapshot.lineStart;
  state.lineIndent = snapshot.lineIndent;
  state.firstTabInLine = snapshot.firstTabInLine;
  state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
  YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
  return c === 10 || c === 13;
}
function isWhiteSpace(c) {
  return c === 9 || c === 32;
}
function isWsOrEol(c) {
  return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
  return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
  return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
  if (c >= 48 && c <= 57) return c - 48;
  const lc = c | 32;
  if (lc >= 97 && lc <= 102) return lc - 97 + 10;
  return -1;
}
function escapedHexLen(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  if (c === 85) return 8;
  return 0;
}
function isSimpleEscape(c) {
  return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
  if (state.input.charCodeAt(state.position) === 10) state.position++;
  else {
    state.position++;
    if (state.input.charCodeAt(state.position) === 10) state.position++;
  }
  state.line++;
  state.lineStart = state.position;
  state.lineIndent = 0;
  state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
  let lineBreaks = 0;
  let ch = state.input.charCodeAt(state.position);
  let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
  while (ch !== 0) {
    while (isWhiteSpace(ch)) {
      hasSeparation = true;
      if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
      ch = state.input.charCodeAt(++state.position);
    }
    if (allowComments && hasSeparation && ch === 35) do
      ch = state.input.charCodeAt(++state.position);
    while (!isEol(ch) && ch !== 0);
    if (!isEol(ch)) break;
    consumeLineBreak(state);
    lineBreaks++;
    hasSeparation = true;
    ch = state.input.charCodeAt(state.position);
    while (ch === 32) {
      state.lineIndent++;
      ch = state.input.charCodeAt(++state.position);
    }
  }
  return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
  const ch = state.input.charCodeAt(position);
  if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
    const following = state.input.charCodeAt(position + 3);
    return following === 0 || isWsOrEol(following);
  }
  return false;
}
function skipByteOrderMark(state) {
  if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
    state.position++;
    state.lineStart = state.position;
  }
}
function testDocumentBoundary(state) {
  if (state.position !== state.lineStart) return false;
  if (testDocumentSeparator(state)) return true;
  if (state.input.charCodeAt(state.position) !== 65279) return false;
  const snapshot = snapshotState(state);
  skipByteOrderMark(state);
  skipSeparationSpace(state, true);
  const ch = state.input.charCodeAt(state.position);
  const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
  restoreState(state, snapshot);
  return result;
}
function skipUntilLineEnd(state) {
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
  const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
  if (match !== null) {
    state.position = start + match.index + match[0].length - 1;
    throwError(state, "the stream contains non-printable characters");
  }
}
function readTagProperty(state, props, inFlow) {
  if (state.input.charCodeAt(state.position) !== 33) return false;
  if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
  const start = state.position;
  let isVerbatim = false;
  let isNamed = false;
  let tagHandle = "!";
  let ch = state.input.charCodeAt(++state.position);
  if (ch === 60) {
    isVerbatim = true;
    ch = state.input.charCodeAt(++state.position);
  } else if (ch === 33) {
    isNamed = true;
    tagHandle = "!!";
    ch = state.input.charCodeAt(++state.position);
  }
  let suffixStart = state.position;
  let tagName;
  if (isVerbatim) {
    while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
    if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
    tagName = state.input.slice(suffixStart, state.position);
    state.position++;
  } else {
    while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
      if (ch === 33) {
        if (!isNamed) {
          tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
          if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
          isNamed = true;
          suffixStart = state.position + 1;
        } else throwError(state, "tag suffix cannot contain exclamation marks");
      }
      ch = state.input.charCodeAt(++state.position);
    }
    tagName = state.input.slice(suffixStart, state.position);
    if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
  }
  if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
  if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
  props.tagStart = start;
  props.tagEnd = state.position;
  return true;
}
function readAnchorProperty(state, props) {
  if (state.input.charCodeAt(state.position) !== 38) return false;
  if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
  props.anchorStart = start;
  props.anchorEnd = state.position;
  return true;
}
function readAlias(state, props) {
  if (state.input.charCodeAt(state.position) !== 42) return false;
  if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
  addAliasEvent(state, start, state.position);
  return true;
}
function readFlowScalarBreak(state, nodeIndent) {
  skipSeparationSpace(state, false);
  if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 39) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 39) {
      if (state.input.charCodeAt(state.position + 1) === 39) {
        simple = false;
        state.position += 2;
        continue;
      }
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 34) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 34) {
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (ch === 92) {
      simple = false;
      const escaped = state.input.charCodeAt(++state.position);
      if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
      else if (isSimpleEscape(escaped)) state.position++;
      else {
        let hexLength = escapedHexLen(escaped);
        if (hexLength === 0) throwError(state, "unknown escape sequence");
        while (hexLength-- > 0) {
          state.position++;
          if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
        }
        state.position++;
      }
    } else if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  let chomping = CHOMPING_MODE.CLIP;
  let indent = -1;
  let detectedIndent = false;
  if (ch !== 124 && ch !== 62) return false;
  const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    const current = state.input.charCodeAt(state.position);
    const digit = fromDecimalCode(current);
    if (current === 43 || current === 45) {
      if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
      chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
      state.position++;
    } else if (digit >= 0) {
      if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
      if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
      indent = parentIndent + digit - 1;
      detectedIndent = true;
      state.position++;
    } else break;
  }
  let hadWhitespace = false;
  while (isWhiteSpace(state.input.charCodeAt(state.position))) {
    hadWhitespace = true;
    state.position++;
  }
  if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
  let contentIndent = detectedIndent ? indent : -1;
  let maxLeadingIndent = 0;
  const valueStart = state.position;
  let valueEnd = state.position;
  while (state.input.charCodeAt(state.position) !== 0) {
    const linePosition = state.position;
    let column = 0;
    while (state.input.charCodeAt(linePosition + column) === 32) column++;
    const first = state.input.charCodeAt(linePosition + column);
    if (first === 0) {
      if (contentIndent >= 0) {
        if (column > contentIndent) valueEnd = linePosition + column;
      } else if (column > 0) valueEnd = linePosition + column;
      break;
    }
    if (testDocumentBoundary(state)) break;
    if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
    if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
      if (first === 9 && column < parentIndent) {
        state.position = linePosition + column;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (column >= parentIndent && column < maxLeadingIndent) {
        state.position = linePosition + column;
        throwError(state, "bad indentation of a mapping entry");
      }
    }
    if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
    const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
    if (first !== 0 && !isEol(first) && column < requiredIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    skipUntilLineEnd(state);
    valueEnd = state.position;
    if (isEol(state.input.charCodeAt(state.position))) {
      consumeLineBreak(state);
      valueEnd = state.position;
    }
  }
  checkPrintable(state, valueStart, valueEnd);
  addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
  return true;
}
function canStartPlainScalar(state, nodeContext) {
  const ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
  if (ch === 63 || ch === 45) {
    const following = state.input.charCodeAt(state.position + 1);
    if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
  }
  return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
  if (!canStartPlainScalar(state, nodeContext)) return false;
  const start = state.position;
  let end = state.position;
  let ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  let multiline = false;
  while (ch !== 0) {
    if (testDocumentBoundary(state)) break;
    if (ch === 58) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
    } else if (ch === 35) {
      if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
    } else if (inFlow && isFlowIndicator(ch)) break;
    else if (isEol(ch)) {
      const savedPosition = state.position;
      const savedLine = state.line;
      const savedLineStart = state.lineStart;
      const savedLineIndent = state.lineIndent;
      skipSeparationSpace(state, false);
      if (state.lineIndent >= nodeIndent) {
        multiline = true;
        ch = state.input.charCodeAt(state.position);
        continue;
      }
      state.position = savedPosition;
      state.line = savedLine;
      state.lineStart = savedLineStart;
      state.lineIndent = savedLineIndent;
      break;
    }
    if (!isWhiteSpace(ch)) end = state.position + 1;
    ch = state.input.charCodeAt(++state.position);
  }
  if (end === start) return false;
  checkPrintable(state, start, end);
  addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
  return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
  const startLine = state.line;
  skipSeparationSpace(state, true);
  if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  const isMapping = ch === 123;
  const start = state.position;
  let readNext = true;
  if (ch !== 91 && ch !== 123) return false;
  const terminator = isMapping ? 125 : 93;
  if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    skipFlowSeparationSpace(state, nodeIndent);
    let ch2 = state.input.charCodeAt(state.position);
    if (ch2 === terminator) {
      state.position++;
      addPopEvent(state);
      return true;
    } else if (!readNext) throwError(state, "missed comma between flow collection entries");
    else if (ch2 === 44) throwError(state, "expected the node content, but found ','");
    let isPair2 = false;
    let isExplicitPair = false;
    if (ch2 === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
      isPair2 = isExplicitPair = true;
      state.position += 1;
      skipFlowSeparationSpace(state, nodeIndent);
    }
    const entryLine = state.line;
    const entryStart = snapshotState(state);
    const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
    skipFlowSeparationSpace(state, nodeIndent);
    ch2 = state.input.charCodeAt(state.position);
    if ((isMapping || isExplicitPair || state.line === entryLine) && ch2 === 58) {
      isPair2 = true;
      state.position++;
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping) {
        insertFlowPairMappingEvent(state, entryStart);
        if (!keyWasRead) addEmptyScalarEvent(state);
      } else if (!keyWasRead) addEmptyScalarEvent(state);
      if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping) addPopEvent(state);
    } else if (isMapping && isPair2) {
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
    } else if (isMapping) addEmptyScalarEvent(state);
    else if (isPair2) {
      insertFlowPairMappingEvent(state, entryStart);
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
      addPopEvent(state);
    }
    ch2 = state.input.charCodeAt(state.position);
    if (ch2 === 44) {
      readNext = true;
      state.position++;
    } else readNext = false;
  }
  throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
  if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
  addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
  while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
    if (state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const entryLine = state.line;
    state.position++;
    const hadBreak = skipSeparationSpace(state, true) > 0;
    if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
    if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
    else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
    skipSeparationSpace(state, true);
    if (state.lineIndent < nodeIndent || state.position >= state.length) break;
    if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
    if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
  }
  addPopEvent(state);
  return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
  let atExplicitKey = false;
  let detected = false;
  let mappingOpened = false;
  let pendingExplicitKey = false;
  if (state.firstTabInLine !== -1) return false;
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0) {
    if (!atExplicitKey && state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const following = state.input.charCodeAt(state.position + 1);
    const entryLine = state.line;
    if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
      if (!mappingOpened) {
        addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
        mappingOpened = true;
      }
      if (ch === 63) {
        if (atExplicitKey) addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = true;
      } else if (atExplicitKey) atExplicitKey = false;
      else {
        addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = false;
      }
      state.position += 1;
      pendingExplicitKey = true;
    } else {
      if (atExplicitKey) {
        addEmptyScalarEvent(state);
        atExplicitKey = false;
      }
      const beforeKey = snapshotState(state);
      if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
      if (state.line === entryLine) {
        ch = state.input.charCodeAt(state.position);
        while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
        if (ch === 58) {
          ch = state.input.charCodeAt(++state.position);
          if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
          if (!mappingOpened) {
            state.events.splice(beforeKey.eventsLength, 0, {
              type: EVENT_ID.MAPPING,
              start: beforeKey.position,
              anchorStart: props.anchorStart,
              anchorEnd: props.anchorEnd,
              tagStart: props.tagStart,
              tagEnd: props.tagEnd,
              style: COLLECTION_STYLE.BLOCK
            });
            mappingOpened = true;
          }
          detected = true;
          atExplicitKey = false;
          pendingExplicitKey = false;
        } else if (detected) throwError(state, "expected ':' after a mapping key");
        else {
          if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
            restoreState(state, beforeKey);
            return false;
          }
          return true;
        }
      } else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
      else {
        if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
          restoreState(state, beforeKey);
          return false;
        }
        return true;
      }
    }
    if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
    if (!atExplicitKey) {
      if (pendingExplicitKey) {
        addEmptyScalarEvent(state);
        pendingExplicitKey = false;
      }
    }
    skipSeparationSpace(state, true);
    ch = state.input.charCodeAt(state.position);
    if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
    else if (state.lineIndent < nodeIndent) break;
  }
  if (!detected) return false;
  if (atExplicitKey) addEmptyScalarEvent(state);
  if (mappingOpened) addPopEvent(state);
  return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
  if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
  state.depth++;
  let indentStatus = 1;
  let atNewLine = false;
  let hasContent2 = false;
  let propertyStart = null;
  const props = emptyProperties();
  let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
  let allowBlockCollections = allowBlockScalars;
  const allowBlockStyles = allowBlockScalars;
  if (allowToSeek && skipSeparationSpace(state, true)) {
    atNewLine = true;
    if (state.lineIndent > parentIndent) indentStatus = 1;
    else if (state.lineIndent === parentIndent) indentStatus = 0;
    else indentStatus = -1;
  }
  if (indentStatus === 1) while (true) {
    const ch = state.input.charCodeAt(state.position);
    const propertyState = snapshotState(state);
    if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
    if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
      const fallbackState = snapshotState(state);
      const flowIndent = parentIndent + 1;
      if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
        state.depth--;
        return true;
      }
      restoreState(state, fallbackState);
    }
    if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
    if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
    if (propertyStart === null) propertyStart = propertyState;
    if (skipSeparationSpace(state, true)) {
      atNewLine = true;
      allowBlockCollections = allowBlockStyles;
      if (state.lineIndent > parentIndent) indentStatus = 1;
      else if (state.lineIndent === parentIndent) indentStatus = 0;
      else indentStatus = -1;
    } else allowBlockCollections = false;
  }
  if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
  if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
    const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
    const blockIndent = state.position - state.lineStart;
    if (indentStatus === 1) {
      if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent2 = true;
      else {
        const ch = state.input.charCodeAt(state.position);
        if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
          const fallbackState = snapshotState(state);
          const propertyIndent = propertyStart.position - propertyStart.lineStart;
          restoreState(state, propertyStart);
          if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent2 = true;
          else restoreState(state, fallbackState);
        }
        if (!hasContent2 && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent2 = true;
      }
    } else if (indentStatus === 0) hasContent2 = allowBlockCollections && readBlockSequence(state, blockIndent, props);
  }
  allowBlockScalars = allowBlockScalars && !hasContent2;
  if (!hasContent2 && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
    addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
    hasContent2 = true;
  }
  state.depth--;
  return hasContent2 || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
  if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
  state.position++;
  const nameStart = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
  const name = state.input.slice(nameStart, state.position);
  const args = [];
  if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
  while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
    while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
    if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
    const start = state.position;
    while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
    args.push(state.input.slice(start, state.position));
  }
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  if (name === "YAML") {
    if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
    if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
    const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
    if (match === null) throwError(state, "ill-formed argument of the YAML directive");
    if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
    state.directives.push({
      kind: "yaml",
      version: args[0]
    });
  } else if (name === "TAG") {
    if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
    const [handle, prefix] = args;
    if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
    if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
    if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
    state.tagHandlers[handle] = prefix;
    state.directives.push({
      kind: "tag",
      handle,
      prefix
    });
  }
  return true;
}
function readDocument(state) {
  state.directives = [];
  state.tagHandlers = /* @__PURE__ */ Object.create(null);
  let hasDirectives = false;
  skipSeparationSpace(state, true);
  while (readDirective(state)) {
    hasDirectives = true;
    skipSeparationSpace(state, true);
  }
  let explicitStart = false;
  let explicitEnd = false;
  let allowCompact = true;
  if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
    explicitStart = true;
    const markerLine = state.line;
    state.position += 3;
    skipSeparationSpace(state, true);
    allowCompact = state.line > markerLine;
  } else if (hasDirectives) throwError(state, "directives end mark is expected");
  const documentEventIndex = state.events.length;
  if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
    state.position += 3;
    skipSeparationSpace(state, true);
    return;
  }
  addDocumentEvent(state, explicitStart, false);
  if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
  skipSeparationSpace(state, true);
  if (state.position === state.lineStart && testDocumentSeparator(state)) {
    explicitEnd = state.input.charCodeAt(state.position) === 46;
    if (explicitEnd) {
      const markerLine = state.line;
      state.position += 3;
      skipSeparationSpace(state, true);
      if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
    }
  }
  const documentEvent = state.events[documentEventIndex];
  if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
  addPopEvent(state);
  if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
function parseEvents(input, options) {
  const length = input.length;
  const state = {
    ...DEFAULT_PARSER_OPTIONS,
    ...options,
    input: `${input}\0`,
    length,
    position: 0,
    line: 0,
    lineStart: 0,
    lineIndent: 0,
    firstTabInLine: -1,
    depth: 0,
    directives: [],
    tagHandlers: /* @__PURE__ */ Object.create(null),
    events: []
  };
  const nullpos = input.indexOf("\0");
  if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
  while (state.position < state.length) {
    skipByteOrderMark(state);
    skipSeparationSpace(state, true);
    if (state.position >= state.length) break;
    const documentStart = state.position;
    readDocument(state);
    if (state.position === documentStart)
      throwError(state, "can not read a document");
  }
  return state.events;
}
var DEFAULT_LOAD_OPTIONS = {
  ...DEFAULT_PARSER_OPTIONS,
  ...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
  const opts = {
    ...DEFAULT_LOAD_OPTIONS,
    ...options
  };
  const source = String(input);
  const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
  const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
  return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
    ...pick(opts, CONSTRUCTOR_OPT_KEYS),
    source
  });
}
function loadAll(input, iteratorOrOptions, options) {
  let iterator = null;
  if (typeof iteratorOrOptions === "function") iterator = iteratorOrOptions;
  else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
  const documents = loadDocuments(input, options);
  if (iterator === null) return documents;
  for (const document of documents) iterator(document);
}
function hasBit(mask, bit) {
  return (mask & 1 << bit) !== 0;
}
var DEFAULT_SCALAR_STYLE_RULES = {
  applyQuoteFlowKeysOption,
  doubleQuoteForInvisibles,
  doubleQuoteWhitespaceOnly,
  applyForceQuotesOption,
  tryLongOrMultilineAsBlock,
  quoteInvalidPlain,
  fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
  if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
  return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
  if (!layout.presenterOptions.quoteFlowKeys) return;
  if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
  layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
  if (!layout.presenterOptions.forceQuotes) return;
  if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
  if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
  layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
  if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
  const value = layout.node.value;
  const multiline = value.indexOf("\n") !== -1;
  if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
    if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
    return;
  }
  const w = layout.presenterOptions.lineWidth;
  if (w === -1) {
    if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
    return;
  }
  const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
  let position = 0;
  let shouldFold = false;
  while (position <= value.length) {
    let lineEnd = value.length;
    const nextLineBreak = value.indexOf("\n", position);
    if (nextLineBreak !== -1) lineEnd = nextLineBreak;
    const line = value.slice(position, lineEnd);
    if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
    if (nextLineBreak === -1) break;
    position = nextLineBreak + 1;
  }
  if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
  else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
  if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var DEFAULT_PRESENTER_OPTIONS = {
  indent: 2,
  seqNoIndent: false,
  seqInlineFirst: true,
  lineWidth: 80,
  flowBracketPadding: false,
  flowSkipCommaSpace: false,
  flowSkipColonSpace: false,
  quoteFlowKeys: false,
  quoteStyle: "single",
  forceQuotes: false,
  scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
  tagBeforeAnchor: false
};
var DEFAULT_DUMP_OPTIONS = {
  ...DEFAULT_PRESENTER_OPTIONS,
  schema: DUMP_SCHEMA,
  skipInvalid: false,
  noRefs: false,
  flowLevel: -1,
  sortKeys: false,
  transform: () => {
  }
};
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
var EVENT_MAPPING = EVENT_ID.MAPPING;
var EVENT_SCALAR = EVENT_ID.SCALAR;
var EVENT_ALIAS = EVENT_ID.ALIAS;
var EVENT_POP = EVENT_ID.POP;
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;

// src/model/load.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/model/field-path.ts
function formatFieldPath(path) {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? key : `.${key}`;
  }
  return out;
}
var ROOT = { path: Object.freeze([]) };
var MAX_INTERNED_PATHS = 5e4;
var internedPaths = 0;
function internPath(path) {
  let node = ROOT;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    let next = node.children?.get(step);
    if (!next) {
      if (internedPaths >= MAX_INTERNED_PATHS) return path;
      next = { path: Object.freeze(path.slice(0, i + 1)) };
      (node.children ??= /* @__PURE__ */ new Map()).set(step, next);
      internedPaths++;
    }
    node = next;
  }
  return node.path;
}

// src/model/flow-whitespace.ts
function relaxFlowWhitespace(text) {
  const lines = text.split("\n");
  const scanner = new Scanner();
  let changed = false;
  for (let n = 0; n < lines.length; n++) {
    const line = scanner.line(lines[n]);
    if (line !== lines[n]) {
      lines[n] = line;
      changed = true;
    }
  }
  return changed ? lines.join("\n") : text;
}
var FLOW_INDICATORS = "[]{},:";
var isBlank = (c) => c === " " || c === "	";
var Scanner = class {
  /** Flow nesting at the current position (0: block context). */
  depth = 0;
  /** The column continuation lines of the current flow collection are indented to: its opening bracket's. */
  flowIndent = 0;
  /** An open quoted scalar spanning lines. */
  quote;
  /** While >= 0: the lines of a block scalar (`|`, `>`) whose header line has this indentation are skipped. */
  blockScalarIndent = -1;
  /** In flow context: the next token starts a node (after `[`, `{`, `,`, `:`), so a quote there opens a scalar. */
  expectNode = false;
  line(original) {
    let line = original;
    const indent = /^ */.exec(line)[0].length;
    if (this.blockScalarIndent >= 0) {
      if (line.trim() === "" || indent > this.blockScalarIndent) return line;
      this.blockScalarIndent = -1;
    }
    let i = indent;
    let nodeStart = true;
    if (this.quote !== void 0) {
      i = this.skipQuoted(line, 0);
      if (this.quote !== void 0) return line;
      nodeStart = false;
    } else if (this.depth > 0) {
      const lead = /^[ \t]*/.exec(line)[0].length;
      if (lead < line.length && (lead < this.flowIndent || line.slice(0, lead).includes("	"))) {
        const width = Math.max(lead, this.flowIndent);
        line = " ".repeat(width) + line.slice(lead);
        i = width;
      } else i = lead;
    }
    const chars = line.split("");
    return this.depth > 0 ? this.flow(chars, i, line) : this.block(chars, i, line, nodeStart);
  }
  /** Block context: finds the flow collection, quoted scalar or block scalar that starts a node on this line. */
  block(chars, from, line, atNodeStart) {
    let i = from;
    let nodeStart = atNodeStart;
    while (i < chars.length) {
      while (isBlank(chars[i])) i++;
      const c = chars[i];
      if (c === void 0 || c === "#") break;
      const next = chars[i + 1];
      if (nodeStart && (c === "-" || c === "?") && (next === void 0 || isBlank(next))) {
        i++;
      } else if (nodeStart && (c === "&" || c === "!")) {
        while (i < chars.length && !isBlank(chars[i])) i++;
      } else if (nodeStart && (c === "[" || c === "{")) {
        this.depth = 1;
        this.flowIndent = i;
        this.expectNode = true;
        return this.flow(chars, i + 1, line);
      } else if (nodeStart && (c === '"' || c === "'")) {
        this.quote = c;
        i = this.skipQuoted(line, i + 1);
        if (this.quote !== void 0) return line;
        nodeStart = false;
      } else if (nodeStart && (c === "|" || c === ">")) {
        this.blockScalarIndent = /^ */.exec(line)[0].length;
        return line;
      } else {
        for (; i < chars.length; i++) {
          if (chars[i] === ":" && (i + 1 === chars.length || isBlank(chars[i + 1]))) break;
          if (chars[i] === "#" && isBlank(chars[i - 1])) return line;
        }
        i++;
        nodeStart = true;
      }
    }
    return line;
  }
  /** Flow context: tracks nesting, skips quoted scalars and comments, turns separating tabs into spaces. */
  flow(chars, from, line) {
    let changed = false;
    for (let i = from; i < chars.length; i++) {
      const c = chars[i];
      if (isBlank(c)) {
        let end = i;
        while (isBlank(chars[end])) end++;
        const before = chars[i - 1];
        const after = chars[end];
        const insideScalar = i > 0 && !isBlank(before) && !FLOW_INDICATORS.includes(before) && after !== void 0 && after !== "#" && after !== "\r" && !FLOW_INDICATORS.includes(after);
        if (!insideScalar) {
          for (let j = i; j < end; j++) {
            if (chars[j] === "	") {
              chars[j] = " ";
              changed = true;
            }
          }
        }
        i = end - 1;
      } else if (c === "#" && (i === 0 || isBlank(chars[i - 1]))) {
        break;
      } else if ((c === '"' || c === "'") && this.expectNode) {
        this.quote = c;
        const rest = chars.slice(i + 1).join("");
        const consumed = this.skipQuoted(rest, 0);
        if (this.quote !== void 0) break;
        i += consumed;
        this.expectNode = false;
      } else if (c === "[" || c === "{") {
        this.depth++;
        this.expectNode = true;
      } else if (c === "]" || c === "}") {
        this.depth--;
        this.expectNode = false;
        if (this.depth === 0) break;
      } else if (c === "," || c === ":" || c === "?") {
        this.expectNode = true;
      } else {
        this.expectNode = false;
      }
    }
    return changed ? chars.join("") : line;
  }
  /** Skips the rest of an open quoted scalar in `text` from `from`; returns the index after its closing quote. */
  skipQuoted(text, from) {
    const quote2 = this.quote;
    for (let i = from; i < text.length; i++) {
      const c = text[i];
      if (quote2 === '"' && c === "\\") i++;
      else if (c === quote2) {
        if (quote2 === "'" && text[i + 1] === "'") i++;
        else {
          this.quote = void 0;
          return i + 1;
        }
      }
    }
    return text.length;
  }
};

// src/model/positions.ts
var import_yaml = __toESM(require_dist(), 1);

// src/model/yaml11.ts
var WORDS = new Map([
  ...["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"].map((w) => [w, true]),
  ...["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"].map((w) => [w, false]),
  ...["", "~", "null", "Null", "NULL"].map((w) => [w, null]),
  ...[".nan", ".NaN", ".NAN"].map((w) => [w, NaN]),
  ...[".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"].map((w) => [w, Infinity]),
  ...["-.inf", "-.Inf", "-.INF"].map((w) => [w, -Infinity])
]);
var LONGEST_WORD = Math.max(...[...WORDS.keys()].map((w) => w.length));
var GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]?([0-7]+)|([1-9][0-9]*|0))$/;
var DECIMAL = /^[0-9]+$/;
var GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
var DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;
var INT64_MAX = 2n ** 63n - 1n;
var UINT64_MAX = 2n ** 64n - 1n;
function goInt(source) {
  const c = source.charCodeAt(0);
  if (c >= 49 && c <= 57 && source.length <= 15 && DECIMAL.test(source)) return parseInt(source, 10);
  if (!(c >= 48 && c <= 57) && c !== 43 && c !== 45) return void 0;
  const plain = source.includes("_") ? source.replace(/_/g, "") : source;
  const m = GO_INT.exec(plain);
  if (!m) return void 0;
  const [, sign, hex, bin, oct, dec] = m;
  const [digits, radix] = hex !== void 0 ? [hex, 16] : bin !== void 0 ? [bin, 2] : oct !== void 0 ? [oct, 8] : [dec, 10];
  const magnitude = parseInt(digits, radix);
  if (magnitude === 0) return 0;
  if (magnitude >= 2 ** 53) {
    const exact = BigInt(radix === 10 ? digits : `0${"xbo"[[16, 2, 8].indexOf(radix)]}${digits}`);
    if (sign === "-" ? exact > INT64_MAX + 1n : sign === "+" ? exact > INT64_MAX : exact > UINT64_MAX) return void 0;
  }
  return sign === "-" ? -magnitude : magnitude;
}
function goFloat(source) {
  const c = source.charCodeAt(0);
  if (c === 46 || c === 43 || c === 45) {
    const special = word(source);
    if (typeof special === "number") return special;
  }
  let value;
  if (c === 46) {
    if (!DOT_FLOAT.test(source)) return void 0;
    value = Number(source);
  } else {
    if (!(c >= 48 && c <= 57) && c !== 43 && c !== 45) return void 0;
    const plain = source.includes("_") ? source.replace(/_/g, "") : source;
    if (!GO_FLOAT.test(plain)) return void 0;
    value = Number(plain);
  }
  return Number.isFinite(value) ? value : void 0;
}
var word = (source) => source.length <= LONGEST_WORD ? WORDS.get(source) : void 0;
function goBool(source) {
  const value = word(source);
  return typeof value === "boolean" ? value : void 0;
}
var isNull = (source) => word(source) === null;
function resolvePlainScalar(source) {
  const c = source.charCodeAt(0);
  if (source.length > 0 && !MAY_RESOLVE[c]) return source;
  if (!(c >= 48 && c <= 57)) {
    const known = word(source);
    if (known !== void 0) return known;
  }
  return goInt(source) ?? goFloat(source) ?? source;
}
var DIGITS = [..."0123456789"];
var FIRST_CHARS = {
  null: ["", "~", "n", "N"],
  bool: [..."yYnNtTfFoO"],
  int: ["-", "+", ...DIGITS],
  float: ["-", "+", ".", ...DIGITS]
};
var MAY_RESOLVE = Array.from({ length: 128 }, (_, code2) => Object.values(FIRST_CHARS).some((chars) => chars.includes(String.fromCharCode(code2))));
var jsTag = (name, firstChars, resolve, identify) => defineScalarTag(`tag:yaml.org,2002:${name}`, {
  implicit: true,
  implicitFirstChars: firstChars,
  resolve: (source) => {
    const value = resolve(source);
    return value === void 0 ? NOT_RESOLVED : value;
  },
  identify
});
var trimmedSeqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
  create: () => [],
  addItem: (sequence, item) => {
    sequence.push(item);
  },
  finalize: (sequence) => sequence.slice(),
  identify: Array.isArray
});
var KUBERNETES_JS_YAML_SCHEMA = new Schema([
  strTag,
  trimmedSeqTag,
  mapTag,
  jsTag("null", FIRST_CHARS.null, (s) => isNull(s) ? null : void 0, (d) => d === null),
  jsTag("bool", FIRST_CHARS.bool, goBool, (d) => typeof d === "boolean"),
  jsTag("int", FIRST_CHARS.int, goInt, (d) => Number.isInteger(d)),
  jsTag("float", FIRST_CHARS.float, goFloat, (d) => typeof d === "number")
]);
var yamlTag = (name, accepts) => ({
  tag: `tag:yaml.org,2002:${name}`,
  default: true,
  test: Object.assign(/(?:)/, { test: (source) => accepts(source) !== void 0 }),
  resolve: (source) => accepts(source)
});
var KUBERNETES_YAML_OPTIONS = {
  schema: "failsafe",
  customTags: [
    yamlTag("null", (s) => isNull(s) ? null : void 0),
    yamlTag("bool", goBool),
    yamlTag("int", goInt),
    yamlTag("float", goFloat)
  ]
};

// src/model/positions.ts
var YAML_MAX_ALIAS_COUNT = 100;
var MAX_NESTING_DEPTH = 256;
function positionsOf(text, decodedBy) {
  return decodedBy === "js-yaml" ? new EventPositions(text) : new NodePositions(text);
}
var WHOLE_FILE_START = { line: 1, endLine: 1 };
function joinedPositions(sources) {
  const shifted = (source, span) => span === WHOLE_FILE_START || source.lineShift === 0 ? span : { line: span.line + source.lineShift, endLine: span.endLine + source.lineShift };
  return {
    documentSpan(docIndex) {
      const source = sources[docIndex];
      return source ? shifted(source, source.positions.documentSpan(source.sourceDoc)) : WHOLE_FILE_START;
    },
    fieldSpan(docIndex, path) {
      const source = sources[docIndex];
      return source ? shifted(source, source.positions.fieldSpan(source.sourceDoc, path)) : WHOLE_FILE_START;
    },
    scalarSource(docIndex, path) {
      const source = sources[docIndex];
      return source?.positions.scalarSource(source.sourceDoc, path);
    }
  };
}
var NO_DOCUMENTS = [];
var Lines = class {
  constructor(text) {
    this.text = text;
  }
  text;
  starts;
  at(offset) {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf("\n"); i !== -1; i = this.text.indexOf("\n", i + 1)) this.starts.push(i + 1);
    }
    let [low, high] = [0, this.starts.length - 1];
    while (low < high) {
      const middle = low + high + 1 >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }
};
var QUOTED = /* @__PURE__ */ new Set([SCALAR_STYLE.SINGLE_QUOTED, SCALAR_STYLE.DOUBLE_QUOTED]);
var BLOCK = /* @__PURE__ */ new Set([SCALAR_STYLE.LITERAL_BLOCK, SCALAR_STYLE.FOLDED_BLOCK]);
var FLOW_CLOSER = { "[": "]", "{": "}" };
var EventPositions = class {
  constructor(text) {
    this.text = text;
  }
  text;
  // Built on the first lookup: one index exists per file text, and only files with findings are ever asked.
  events;
  documentStarts = NO_DOCUMENTS;
  fallback;
  lines;
  // Created on first use: an index that is never asked (most of them) allocates nothing but itself.
  extents;
  sequenceItems;
  stream() {
    if (!this.events && !this.fallback) {
      try {
        this.events = parseEvents(this.text, { maxDepth: MAX_NESTING_DEPTH });
        this.lines = new Lines(this.text);
        this.documentStarts = [];
        this.events.forEach((event, index) => {
          if (event.type === EVENT_ID.DOCUMENT) this.documentStarts.push(index);
        });
      } catch {
        this.fallback = new NodePositions(this.text);
      }
    }
    return this.events;
  }
  documentSpan(docIndex) {
    return this.fieldSpan(docIndex, []);
  }
  fieldSpan(docIndex, path) {
    const events = this.stream();
    if (!events) return this.fallback.fieldSpan(docIndex, path);
    const found = this.find(docIndex, path);
    if (found === void 0) return WHOLE_FILE_START;
    if ("emptyValueOf" in found) return this.span(found.emptyValueOf.valueStart, found.emptyValueOf.valueEnd);
    const start = this.startOf(events[found.node]);
    return this.span(found.keyStart ?? (start >= 0 ? start : 0), this.extent(found.node).end);
  }
  scalarSource(docIndex, path) {
    const events = this.stream();
    if (!events) return this.fallback.scalarSource(docIndex, path);
    const found = this.find(docIndex, path);
    if (found === void 0 || "emptyValueOf" in found || !found.complete) return void 0;
    const event = events[found.node];
    return event.type === EVENT_ID.SCALAR ? getScalarValue(this.text, event) : void 0;
  }
  /**
   * The event of a field, or of its deepest existing ancestor (`complete` false); undefined for an empty document.
   * `keyStart` is where a mapping entry's key or an empty list item's dash starts.
   */
  find(docIndex, path) {
    const events = this.events;
    const documentStart = this.documentStarts[docIndex];
    if (documentStart === void 0 || events[documentStart + 1]?.type === EVENT_ID.POP) return void 0;
    let node = documentStart + 1;
    let keyStart;
    for (const key of path) {
      const event = events[node];
      let child;
      let childKeyStart;
      if (event.type === EVENT_ID.MAPPING && typeof key === "string") {
        for (let i = node + 1; events[i].type !== EVENT_ID.POP; ) {
          const keyEvent = events[i];
          const value = this.extent(i).next;
          if (keyEvent.type === EVENT_ID.SCALAR && this.keyOf(keyEvent) === key) {
            const valueEvent = events[value];
            if (valueEvent.type === EVENT_ID.SCALAR && valueEvent.valueStart < 0) return { emptyValueOf: keyEvent };
            [child, childKeyStart] = [value, keyEvent.valueStart];
            break;
          }
          i = this.extent(value).next;
        }
      } else if (event.type === EVENT_ID.SEQUENCE && typeof key === "number") {
        const items = this.itemsOf(node, event.start);
        if (key < items.events.length) {
          child = items.events[key];
          if (this.startOf(events[child]) < 0) childKeyStart = items.starts[key];
        }
      }
      if (child === void 0) return { node, keyStart, complete: false };
      [node, keyStart] = [child, childKeyStart];
    }
    return { node, keyStart, complete: true };
  }
  /** A key as the decoder stored it: a plain `yes` or `0120` is the key "true" or "80" (YAML 1.1, as kubectl reads it). */
  keyOf(event) {
    const text = getScalarValue(this.text, event);
    return event.style === SCALAR_STYLE.PLAIN ? String(resolvePlainScalar(text)) : text;
  }
  startOf(event) {
    if (event.type === EVENT_ID.SCALAR) return BLOCK.has(event.style) && event.valueStart > 0 ? event.valueStart - 1 : event.valueStart;
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) return event.start;
    return event.type === EVENT_ID.ALIAS ? event.anchorStart : -1;
  }
  /**
   * A sequence's items (their first events, and where each begins), found once per sequence: a file with 10,000
   * items and a finding at each would otherwise walk every item before each of them.
   */
  itemsOf(node, sequenceStart) {
    this.sequenceItems ??= /* @__PURE__ */ new Map();
    let items = this.sequenceItems.get(node);
    if (!items) {
      const events = this.events;
      items = { events: [], starts: [] };
      let itemStart = sequenceStart;
      for (let i = node + 1; events[i].type !== EVENT_ID.POP; ) {
        items.events.push(i);
        items.starts.push(itemStart);
        const item = this.extent(i);
        [i, itemStart] = [item.next, this.nextToken(item.end)];
      }
      this.sequenceItems.set(node, items);
    }
    return items;
  }
  /** Of collections only: a scalar's extent costs nothing, a collection's costs a walk of everything in it. */
  extent(index) {
    const event = this.events[index];
    if (event.type !== EVENT_ID.MAPPING && event.type !== EVENT_ID.SEQUENCE) return this.walkExtent(index);
    this.extents ??= /* @__PURE__ */ new Map();
    let extent = this.extents.get(index);
    if (!extent) this.extents.set(index, extent = this.walkExtent(index));
    return extent;
  }
  walkExtent(index) {
    const events = this.events;
    const event = events[index];
    if (event.type === EVENT_ID.SCALAR) return { next: index + 1, end: event.valueEnd + (QUOTED.has(event.style) ? 1 : 0) };
    if (event.type === EVENT_ID.ALIAS) return { next: index + 1, end: event.anchorEnd };
    if (event.type !== EVENT_ID.MAPPING && event.type !== EVENT_ID.SEQUENCE) return { next: index + 1, end: -1 };
    let end = event.start + 1;
    let i = index + 1;
    while (events[i].type !== EVENT_ID.POP) {
      const child = this.extent(i);
      end = Math.max(end, child.end);
      i = child.next;
    }
    const closer = FLOW_CLOSER[this.text[event.start]];
    return { next: i + 1, end: closer ? this.closingBracket(end, closer) : end };
  }
  /** The offset of the next token from `from` on: past blanks, commas and comments. */
  nextToken(from) {
    let i = from;
    while (i < this.text.length) {
      const c = this.text[i];
      if (c === "#") {
        const newline = this.text.indexOf("\n", i);
        if (newline === -1) return i;
        i = newline + 1;
      } else if (/[\s,"']/.test(c)) i++;
      else return i;
    }
    return from;
  }
  /** A flow collection's events end with its last item: its closing bracket is further on, past quotes, commas and comments. */
  closingBracket(from, closer) {
    for (let i = from; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === closer) return i + 1;
      if (c === "#") {
        const newline = this.text.indexOf("\n", i);
        if (newline === -1) break;
        i = newline;
      } else if (!/[\s,"']/.test(c)) break;
    }
    return from;
  }
  /** Lines from `start` to the last non-blank character before `end` (block scalars end with their newlines). */
  span(start, end) {
    let last = Math.max(start, end - 1);
    while (last > start && /\s/.test(this.text[last])) last--;
    const lines = this.lines;
    return { line: lines.at(start), endLine: lines.at(last) };
  }
};
var NodePositions = class {
  constructor(text) {
    this.text = text;
  }
  text;
  documents;
  lineCounter = new import_yaml.LineCounter();
  parsed() {
    if (!this.documents) {
      this.documents = (0, import_yaml.parseAllDocuments)(this.text, {
        ...KUBERNETES_YAML_OPTIONS,
        lineCounter: this.lineCounter,
        uniqueKeys: false
      });
      if (!Array.isArray(this.documents)) this.documents = [];
    }
    return this.documents;
  }
  lineAt(offset) {
    return this.lineCounter.linePos(offset).line;
  }
  documentSpan(docIndex) {
    const doc = this.parsed()[docIndex];
    if (!doc?.contents) return WHOLE_FILE_START;
    const [start, , end] = doc.contents.range;
    return { line: this.lineAt(start), endLine: this.lineAt(Math.max(start, end - 1)) };
  }
  fieldSpan(docIndex, path) {
    const found = this.find(docIndex, path);
    if (found === void 0) return WHOLE_FILE_START;
    if ("emptyValueOf" in found) {
      const start2 = found.emptyValueOf.range?.[0] ?? 0;
      return { line: this.lineAt(start2), endLine: this.lineAt(start2) };
    }
    const [start, , end] = found.node.range ?? [0, 0, 0];
    const from = found.keyStart ?? start;
    return { line: this.lineAt(from), endLine: this.lineAt(Math.max(from, end - 1)) };
  }
  scalarSource(docIndex, path) {
    const found = this.find(docIndex, path);
    if (found === void 0 || "emptyValueOf" in found || !found.complete || !(0, import_yaml.isScalar)(found.node)) return void 0;
    return found.node.source;
  }
  /** The node of a field, or of its deepest existing ancestor (`complete` false); undefined for an empty document. */
  find(docIndex, path) {
    const doc = this.parsed()[docIndex];
    if (!doc?.contents) return void 0;
    let node = doc.contents;
    let keyStart;
    for (const key of path) {
      let next;
      let nextKeyStart;
      if ((0, import_yaml.isMap)(node) && typeof key === "string") {
        const pair = node.items.find((p) => (0, import_yaml.isPair)(p) && (0, import_yaml.isScalar)(p.key) && String(p.key.value) === key);
        if (pair && pair.value && isNodeLike(pair.value)) {
          next = pair.value;
          nextKeyStart = (0, import_yaml.isScalar)(pair.key) ? pair.key.range?.[0] : void 0;
        } else if (pair && (0, import_yaml.isScalar)(pair.key)) {
          return { emptyValueOf: pair.key };
        }
      } else if ((0, import_yaml.isSeq)(node) && typeof key === "number") {
        const item = node.items[key];
        if (item && isNodeLike(item)) next = item;
      }
      if (!next) return { node, keyStart, complete: false };
      node = next;
      keyStart = nextKeyStart;
    }
    return { node, keyStart, complete: true };
  }
};
function isNodeLike(value) {
  return typeof value === "object" && value !== null && "range" in value;
}

// src/model/resource.ts
var Resource = class {
  constructor(identity, object, file, docIndex, pathInDocument, positions, origin) {
    this.object = object;
    this.file = file;
    this.docIndex = docIndex;
    this.pathInDocument = pathInDocument;
    this.positions = positions;
    this.origin = origin;
    this.apiVersion = identity.apiVersion;
    this.group = identity.group;
    this.kind = identity.kind;
    this.namespace = identity.namespace;
    this.name = identity.name;
    if (origin) {
      this.scope = origin.target.path;
      this.environment = describeEnvironment(origin.target);
    }
    this.key = identityKey(this);
  }
  object;
  file;
  docIndex;
  pathInDocument;
  positions;
  origin;
  apiVersion;
  group;
  kind;
  namespace;
  name;
  key;
  scope;
  /** `prod (overlays/prod)` for a rendered object, shown in every message that names it. */
  environment;
  /** The lines of a field of this object (e.g. ['spec', 'ingress', 0]); [] for the whole object. */
  span(path = []) {
    if (path.length === 0 && this.pathInDocument.length === 0) return this.positions.documentSpan(this.docIndex);
    return this.positions.fieldSpan(this.docIndex, [...this.pathInDocument, ...path]);
  }
  /** The file location of a field of this object; the line of the object's start for []. */
  at(path = []) {
    if (this.origin) return this.origin.locate(path);
    const span = this.span(path);
    return { path: this.file, line: span.line, endLine: span.endLine };
  }
  labels() {
    return stringMap(this.object.metadata, "labels");
  }
  annotations() {
    return stringMap(this.object.metadata, "annotations");
  }
  get spec() {
    const spec = this.object.spec;
    return typeof spec === "object" && spec !== null && !Array.isArray(spec) ? spec : {};
  }
};
function stringMap(metadata, field) {
  if (typeof metadata !== "object" || metadata === null) return {};
  const map = metadata[field];
  if (typeof map !== "object" || map === null || Array.isArray(map)) return {};
  const out = {};
  for (const [k, v] of Object.entries(map)) out[k] = v === null || v === void 0 ? "" : String(v);
  return out;
}

// src/model/string-fields.ts
var STRING_MAPS = /* @__PURE__ */ new Set(["labels", "annotations", "matchLabels"]);
var METADATA_STRINGS = ["name", "namespace", "generateName"];
var ON_THE_WAY = /* @__PURE__ */ new Set([
  "metadata",
  "spec",
  "template",
  "jobTemplate",
  "selector",
  "podSelector",
  "namespaceSelector",
  "ingress",
  "egress",
  "from",
  "to",
  "subject",
  "pods",
  "namespaces",
  "endpointSelector",
  "fromEndpoints",
  "toEndpoints",
  "specs"
]);
function nonStringFields(object) {
  const search = new Search();
  const { metadata, spec } = object;
  if (isObject(metadata)) {
    search.path.push("metadata");
    for (const field of METADATA_STRINGS) search.check(metadata[field], field);
    search.walk(metadata);
    search.path.pop();
  }
  if (isObject(spec)) {
    search.path.push("spec");
    search.walk(spec);
    if (object.kind === "Service" && isObject(spec.selector)) search.stringMap(spec.selector, "selector");
    search.path.pop();
  }
  return search.found;
}
var Search = class {
  path = [];
  found = [];
  check(value, key) {
    if (typeof value === "boolean" || typeof value === "number") this.found.push({ path: [...this.path, key], value });
  }
  stringMap(map, key) {
    this.path.push(key);
    for (const entry in map) this.check(map[entry], entry);
    this.path.pop();
  }
  walk(value) {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (typeof value[i] !== "object" || value[i] === null) continue;
        this.path.push(i);
        this.walk(value[i]);
        this.path.pop();
      }
      return;
    }
    if (!isObject(value)) return;
    for (const key in value) {
      const child = value[key];
      if (typeof child !== "object" || child === null) continue;
      if (STRING_MAPS.has(key) && isObject(child)) this.stringMap(child, key);
      else if (key === "matchExpressions" && Array.isArray(child)) this.expressions(child);
      else if (ON_THE_WAY.has(key)) {
        this.path.push(key);
        this.walk(child);
        this.path.pop();
      }
    }
  }
  expressions(list) {
    this.path.push("matchExpressions");
    for (let i = 0; i < list.length; i++) {
      const expression = list[i];
      if (!isObject(expression)) continue;
      this.path.push(i);
      this.check(expression.key, "key");
      this.check(expression.operator, "operator");
      if (Array.isArray(expression.values)) {
        this.path.push("values");
        for (let j = 0; j < expression.values.length; j++) this.check(expression.values[j], j);
        this.path.pop();
      }
      this.path.pop();
    }
    this.path.pop();
  }
};

// src/model/simple-yaml.ts
var NOT_SIMPLE = /* @__PURE__ */ Symbol("not simple YAML");
var UNUSUAL_CHARACTER = /[^\n\x20-\x7e\u00a0-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
var MAX_SIMPLE_DEPTH = 64;
var NotSimple = class {
};
var GIVE_UP = new NotSimple();
var SPACE = 32;
var LF = 10;
var HASH = 35;
var DASH = 45;
var COLON = 58;
var COMMA = 44;
var SINGLE_QUOTE = 39;
var DOUBLE_QUOTE = 34;
var BACKSLASH = 92;
var OPEN_BRACKET = 91;
var CLOSE_BRACKET = 93;
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
var oneOf = (chars) => {
  const table = Array.from({ length: 128 }, (_, code2) => chars.includes(String.fromCharCode(code2)));
  return (c) => table[c] === true;
};
var isIndicator = oneOf("-?:,[]{}#&*!|>'\"%@`");
var isFlowIndicator2 = oneOf(",[]{}");
var Decoder = class {
  constructor(text, flows) {
    this.text = text;
    this.flows = flows;
  }
  text;
  flows;
  /** The current content line: where it starts, where its content (past the indentation) starts, and its end. */
  lineStart = 0;
  content = 0;
  lineEnd = 0;
  /** Column of `content`; -1 past the last content line. */
  indent = -1;
  depth = 0;
  /** Where the last key, flow collection or flow node read ends (after a key: past its colon). */
  after = 0;
  /** How deeply the flow collection flowEnd last measured nests. */
  flowNesting = 0;
  document() {
    this.seekContentLine(0);
    if (this.indent < 0) throw GIVE_UP;
    const value = this.block(this.indent);
    if (this.indent >= 0) throw GIVE_UP;
    return value;
  }
  /** Moves to the first line at or after `from` with content (not blank, not a comment). */
  seekContentLine(from) {
    const text = this.text;
    let start = from;
    while (start < text.length) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      let at = start;
      while (at < end && text.charCodeAt(at) === SPACE) at++;
      if (at < end && text.charCodeAt(at) !== HASH) {
        this.lineStart = start;
        this.content = at;
        this.lineEnd = end;
        this.indent = at - start;
        return;
      }
      start = end + 1;
    }
    this.lineStart = this.content = this.lineEnd = text.length;
    this.indent = -1;
  }
  nextLine() {
    this.seekContentLine(this.lineEnd + 1);
  }
  isSequenceEntry(at) {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = at + 1 < this.lineEnd ? this.text.charCodeAt(at + 1) : LF;
    return next === SPACE || next === LF;
  }
  /** The block node whose first line is the current one, at column `indent`. */
  block(indent) {
    if (++this.depth > MAX_SIMPLE_DEPTH) throw GIVE_UP;
    const value = this.isSequenceEntry(this.content) ? this.sequence(indent) : this.mapping(indent);
    this.depth--;
    return value;
  }
  mapping(indent) {
    const result = {};
    const text = this.text;
    while (this.indent === indent) {
      const key = this.key(this.content, false);
      if (Object.prototype.hasOwnProperty.call(result, key)) throw GIVE_UP;
      let at = this.after;
      while (at < this.lineEnd && text.charCodeAt(at) === SPACE) at++;
      if (at === this.lineEnd || text.charCodeAt(at) === HASH) {
        this.nextLine();
        if (this.indent > indent) result[key] = this.block(this.indent);
        else if (this.indent === indent && this.isSequenceEntry(this.content)) result[key] = this.block(indent);
        else result[key] = null;
      } else {
        result[key] = this.inline(at);
        this.nextLine();
      }
    }
    if (this.indent > indent) throw GIVE_UP;
    return result;
  }
  sequence(indent) {
    const items = [];
    const text = this.text;
    while (this.indent === indent && this.isSequenceEntry(this.content)) {
      let at = this.content + 1;
      while (at < this.lineEnd && text.charCodeAt(at) === SPACE) at++;
      if (at === this.lineEnd || text.charCodeAt(at) === HASH) {
        this.nextLine();
        items.push(this.indent > indent ? this.block(this.indent) : null);
        continue;
      }
      if (this.isSequenceEntry(at)) throw GIVE_UP;
      if (this.startsKey(at)) {
        this.content = at;
        this.indent = at - this.lineStart;
        items.push(this.block(this.indent));
        continue;
      }
      items.push(this.inline(at));
      this.nextLine();
    }
    if (this.indent > indent) throw GIVE_UP;
    return items.slice();
  }
  /** Whether the line's text from `at` is a `key:` (plain or quoted key followed by a colon and a space or the end). */
  startsKey(at) {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) return false;
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      const end = this.quotedEnd(at);
      return end < this.lineEnd && text.charCodeAt(end) === COLON;
    }
    return this.plainKeyEnd(at) >= 0;
  }
  /** The end of a plain key starting at `at` (its colon), or -1 when the line holds none before a comment. */
  plainKeyEnd(at) {
    const text = this.text;
    for (let i = at; i < this.lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON) {
        const next = i + 1 < this.lineEnd ? text.charCodeAt(i + 1) : LF;
        if (next === SPACE || next === LF) return i;
      } else if (c === HASH && text.charCodeAt(i - 1) === SPACE) {
        return -1;
      }
    }
    return -1;
  }
  /**
   * A mapping key at `at` (of a flow mapping when `inFlow`); `after` is set past its colon, which a space must
   * follow (or, in a block mapping, the end of the line).
   */
  key(at, inFlow) {
    const text = this.text;
    const c = text.charCodeAt(at);
    let key;
    let colon;
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      const end = this.quotedEnd(at);
      key = this.quoted(at, end);
      colon = inFlow ? this.skipSpaces(end) : end;
      if (colon >= this.lineEnd || text.charCodeAt(colon) !== COLON) throw GIVE_UP;
    } else {
      if (isIndicator(c)) throw GIVE_UP;
      colon = inFlow ? this.flowKeyEnd(at) : this.plainKeyEnd(at);
      if (colon < 0) throw GIVE_UP;
      let end = colon;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      key = text.slice(at, end);
      if (typeof resolvePlainScalar(key) !== "string") throw GIVE_UP;
    }
    const next = colon + 1 < this.lineEnd ? text.charCodeAt(colon + 1) : LF;
    if (next !== SPACE && (inFlow || next !== LF)) throw GIVE_UP;
    if (key === "__proto__" || key.length > 1024) throw GIVE_UP;
    this.after = colon + 1;
    return key;
  }
  /** A value that starts and ends on the current line at `at`: a scalar or a flow collection, then nothing or a comment. */
  inline(at) {
    const text = this.text;
    const c = text.charCodeAt(at);
    let value;
    let end;
    if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      value = this.flows ? this.sharedFlow(at, this.flows) : this.flow(at);
      end = this.after;
    } else if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      end = this.quotedEnd(at);
      value = this.quoted(at, end);
    } else {
      if (isIndicator(c) && !(c === DASH || c === COLON)) throw GIVE_UP;
      if ((c === DASH || c === COLON) && (at + 1 >= this.lineEnd || text.charCodeAt(at + 1) === SPACE)) throw GIVE_UP;
      let stop = at;
      while (stop < this.lineEnd) {
        const d = text.charCodeAt(stop);
        if (d === HASH && text.charCodeAt(stop - 1) === SPACE) break;
        if (d === COLON && (stop + 1 === this.lineEnd || text.charCodeAt(stop + 1) === SPACE)) throw GIVE_UP;
        stop++;
      }
      let last = stop;
      while (text.charCodeAt(last - 1) === SPACE) last--;
      return resolvePlainScalar(text.slice(at, last));
    }
    while (end < this.lineEnd && text.charCodeAt(end) === SPACE) end++;
    if (end < this.lineEnd && !(text.charCodeAt(end) === HASH && text.charCodeAt(end - 1) === SPACE)) throw GIVE_UP;
    return value;
  }
  /** The offset after the closing quote of the quoted scalar at `at`, on this line. */
  quotedEnd(at) {
    const text = this.text;
    const quote2 = text.charCodeAt(at);
    for (let i = at + 1; i < this.lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH && quote2 === DOUBLE_QUOTE) throw GIVE_UP;
      if (c !== quote2) continue;
      if (quote2 === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE && i + 1 < this.lineEnd) {
        i++;
        continue;
      }
      return i + 1;
    }
    throw GIVE_UP;
  }
  quoted(at, end) {
    const inner = this.text.slice(at + 1, end - 1);
    return this.text.charCodeAt(at) === SINGLE_QUOTE && inner.includes("''") ? inner.replaceAll("''", "'") : inner;
  }
  /**
   * The flow collection at `at`, the very object decoded before from the same text (in any document decoded with
   * `flows`). Most are found by their text without decoding them again: a text that decoded before decodes the same.
   */
  sharedFlow(at, flows) {
    const end = this.flowEnd(at);
    const source = end < 0 ? void 0 : this.text.slice(at, end);
    if (source !== void 0) {
      const known = flows.get(source);
      if (known !== void 0) {
        if (this.depth + this.flowNesting > MAX_SIMPLE_DEPTH) throw GIVE_UP;
        this.after = end;
        return known;
      }
    }
    const value = this.flow(at);
    flows.set(source !== void 0 && this.after === end ? source : this.text.slice(at, this.after), value);
    return value;
  }
  /**
   * Where the flow collection at `at` closes on this line, by its brackets, and how deeply it nests (`flowNesting`);
   * -1 when a quote or a `#` is met first (decoding decides what they mean) or the line ends first.
   */
  flowEnd(at) {
    const text = this.text;
    let depth = 0;
    let deepest = 0;
    for (let i = at; i < this.lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === OPEN_BRACKET || c === OPEN_BRACE) {
        if (++depth > deepest) deepest = depth;
      } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
        if (--depth === 0) {
          this.flowNesting = deepest;
          return i + 1;
        }
      } else if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE || c === HASH) {
        return -1;
      }
    }
    return -1;
  }
  /** A flow collection on this line at `at`; `after` is set past it. */
  flow(at) {
    if (++this.depth > MAX_SIMPLE_DEPTH) throw GIVE_UP;
    const text = this.text;
    const isMapping = text.charCodeAt(at) === OPEN_BRACE;
    const close = isMapping ? CLOSE_BRACE : CLOSE_BRACKET;
    const items = [];
    const result = {};
    let i = this.skipSpaces(at + 1);
    while (text.charCodeAt(i) !== close) {
      if (isMapping) {
        const key = this.key(i, true);
        if (Object.prototype.hasOwnProperty.call(result, key)) throw GIVE_UP;
        const start = this.skipSpaces(this.after);
        const c2 = text.charCodeAt(start);
        if (c2 === COMMA || c2 === close) throw GIVE_UP;
        result[key] = this.flowNode(start);
      } else {
        items.push(this.flowNode(i));
      }
      i = this.skipSpaces(this.after);
      const c = text.charCodeAt(i);
      if (c === COMMA) i = this.skipSpaces(i + 1);
      else if (c !== close) throw GIVE_UP;
    }
    this.depth--;
    this.after = i + 1;
    return isMapping ? result : items.slice();
  }
  skipSpaces(from) {
    let i = from;
    while (i < this.lineEnd && this.text.charCodeAt(i) === SPACE) i++;
    if (i >= this.lineEnd) throw GIVE_UP;
    return i;
  }
  /** The colon (followed by a space) ending a plain key of a flow mapping at `at`, or -1. */
  flowKeyEnd(at) {
    const text = this.text;
    for (let i = at; i < this.lineEnd; i++) {
      const d = text.charCodeAt(i);
      if (d === COLON && text.charCodeAt(i + 1) === SPACE) return i;
      if (isFlowIndicator2(d) || d === COLON || d === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }
  /** A node inside a flow collection: a nested collection, a quoted or a plain scalar; `after` is set past it. */
  flowNode(at) {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) return this.flow(at);
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      this.after = this.quotedEnd(at);
      return this.quoted(at, this.after);
    }
    if (isIndicator(c)) throw GIVE_UP;
    let i = at;
    for (; i < this.lineEnd; i++) {
      const d = text.charCodeAt(i);
      if (isFlowIndicator2(d)) break;
      if (d === COLON || d === HASH && text.charCodeAt(i - 1) === SPACE) throw GIVE_UP;
    }
    if (i >= this.lineEnd) throw GIVE_UP;
    this.after = i;
    while (text.charCodeAt(i - 1) === SPACE) i--;
    return resolvePlainScalar(text.slice(at, i));
  }
};
function decodeSimpleDocument(text, flows) {
  if (UNUSUAL_CHARACTER.test(text)) return NOT_SIMPLE;
  try {
    return new Decoder(text, flows).document();
  } catch (error) {
    if (error === GIVE_UP) return NOT_SIMPLE;
    throw error;
  }
}

// src/model/load.ts
var DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
var ParseCache = class {
  texts = /* @__PURE__ */ new Map();
  /** Each file's decoding and objects, by path: a file with the same path and text on both sides yields the same Resources. */
  files = /* @__PURE__ */ new Map();
  /**
   * The models loaded through this cache. An object identical to one of theirs that another text decoded (a document
   * of a split or a merged file, a file otherwise reformatted) is replaced by theirs, so every memo by decoded object
   * serves both sides. Looked up in their own identity index: the side loaded first builds no index of its own.
   */
  models = [];
  /**
   * Where each document text of the cleanly decoded YAML texts was decoded, by its text: a file split into one file
   * per object, or files merged into one, is assembled from them without decoding anything again.
   */
  documents = /* @__PURE__ */ new Map();
  /** The flow collections decoded, by their text: one object for each text however often it is written. */
  flows = /* @__PURE__ */ new Map();
  parse(text, isJson) {
    let parsed = this.texts.get(text);
    if (!parsed) {
      parsed = (isJson ? void 0 : this.byDocument(text)) ?? decode(text, isJson);
      this.texts.set(text, parsed);
    }
    return parsed;
  }
  /**
   * A YAML text assembled from its document texts when all of them were decoded before (in whatever file), else
   * decoded whole in one pass (as fast as a whole-file decode) with its document texts remembered when it decodes
   * cleanly. Undefined for a text that cannot be split (aliases, merge keys, directives): `decode` takes it.
   */
  byDocument(text) {
    const pieces = documentTexts(text);
    if (!pieces) return void 0;
    const slots = this.decodedBefore(pieces, text);
    if (slots) return assembled(pieces, slots);
    const simple = decodeSimple(text, pieces, this.flows);
    const fast = simple ?? decodeFast(text);
    if (fast instanceof YAMLException) return decodeYaml(text, fast);
    const parsed = withTypeChecks(fast);
    if (parsed.problems.length === 0) this.remember(pieces, parsed);
    return parsed;
  }
  /** Where each piece of `text` was decoded, or undefined as soon as one was not. */
  decodedBefore(pieces, text) {
    const slots = [];
    for (const piece of pieces) {
      const slot = this.documents.get(piece.text) ?? (piece.text === text ? void 0 : this.wholeText(piece.text));
      if (slot === void 0) return void 0;
      slots.push(slot);
    }
    return slots;
  }
  /**
   * A piece that is the whole of a text decoded before, cleanly: its one document (none for comments only). Such
   * texts (most files hold one object) are not remembered piece by piece: their text is their one piece.
   */
  wholeText(text) {
    const parsed = this.texts.get(text);
    if (parsed === void 0 || parsed.problems.length > 0) return void 0;
    const content = hasContent(text);
    return parsed.documents.length === (content ? 1 : 0) ? { parsed, docIndex: content ? 0 : -1, lineOffset: 0 } : void 0;
  }
  /** The document texts of a clean decoding, each with its document (none for a piece of comments only). */
  remember(pieces, parsed) {
    if (pieces.length === 1 && !pieces[0].explicit) return;
    const content = pieces.map((piece) => hasContent(piece.text));
    if (pieces.filter((piece, i) => piece.explicit || content[i]).length !== parsed.documents.length) return;
    let docIndex = 0;
    pieces.forEach((piece, i) => {
      if (!this.documents.has(piece.text)) this.documents.set(piece.text, { parsed, docIndex: content[i] ? docIndex : -1, lineOffset: piece.lineOffset });
      if (piece.explicit || content[i]) docIndex++;
    });
  }
  share = (key, object) => {
    for (const model of this.models) {
      const known = model.byKey.get(key)?.object;
      if (known !== void 0 && known !== object && identicalJson(known, object)) return known;
    }
    return object;
  };
  /** A model loaded through this cache, whose objects the models loaded after it share. */
  loaded(model) {
    this.models.push(model);
  }
  /**
   * A file's decoding and Kubernetes objects. Sharing the objects between sides lets every per-Resource memo (a
   * policy's meaning, a workload, an exposure row) serve both sides, and tells analyses by identity that nothing changed.
   */
  file(path, text) {
    const known = this.files.get(path);
    if (known?.text === text) return known;
    const parsed = this.parse(text, path.toLowerCase().endsWith(".json"));
    const found = [];
    parsed.documents.forEach((doc, docIndex) => resourcesOfDocument(found, doc, path, docIndex, parsed.positions, this.share));
    const read = { text, parsed, resources: found.slice() };
    this.files.set(path, read);
    return read;
  }
};
function loadSnapshot(files, options = {}, cache6 = new ParseCache(), rendered, other) {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const model = { resources: [], byKey: /* @__PURE__ */ new Map(), problems: [], files: [] };
  const sorted2 = inPathOrder([...files]);
  const copies = /* @__PURE__ */ new Map();
  const add = (resource) => {
    const kept = model.byKey.get(resource.key);
    if (kept === void 0) {
      model.byKey.set(resource.key, resource);
      model.resources.push(resource);
      return;
    }
    const all = copies.get(resource.key) ?? [kept];
    all.push(resource);
    copies.set(resource.key, all);
    if (appliedBefore(kept, resource)) model.byKey.set(resource.key, resource);
  };
  for (const file of sorted2) {
    const text = readText(file, maxBytes, model.problems);
    if (text === void 0) continue;
    model.files.push(file.path);
    const { parsed, resources } = cache6.file(file.path, text);
    if (parsed.problems.length > 0) {
      const kubernetes = looksLikeKubernetes(text);
      for (const p of parsed.problems) {
        if (!kubernetes && !p.hostile) continue;
        model.problems.push({ kind: p.invalid ? "invalid" : "parse-error", location: { path: file.path, line: p.line, endLine: p.line }, message: p.message });
      }
    }
    for (const resource of resources) add(resource);
  }
  if (rendered && rendered.targets.length + rendered.failures.length > 0) loadRendered(rendered, other ?? {}, cache6, model, add);
  if (copies.size > 0) {
    model.resources = model.resources.map((r) => model.byKey.get(r.key) ?? r);
    for (const all of copies.values()) model.problems.push(duplicateProblem(model.byKey.get(all[0].key), all));
  }
  cache6.loaded(model);
  return model;
}
function inPathOrder(files) {
  const byPath = (a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  for (let i = 1; i < files.length; i++) if (byPath(files[i - 1], files[i]) > 0) return files.sort(byPath);
  return files;
}
function loadRendered(rendered, other, cache6, model, add) {
  const otherTexts = other.rendered?.texts;
  const origin = (object, target) => {
    let resource;
    let chosen;
    const pick2 = (key) => other.model && otherTexts && !other.model.byKey.has(key) ? { locator: rendered.locator(object, target, otherTexts, rendered.texts), side: "head" } : { locator: rendered.locator(object, target, rendered.texts, otherTexts) };
    const own = {
      target,
      locate(field) {
        chosen ??= pick2(resource.key);
        const line = chosen.locator.locate(field);
        return { path: line.path, line: line.line, endLine: line.endLine, ...chosen.side ? { side: chosen.side } : {} };
      }
    };
    return Object.assign(own, { bind: (r) => {
      resource = r;
    } });
  };
  model.rendered = { targets: [...rendered.targets.map((t) => t.target), ...rendered.failures.map((f) => f.target)], tools: rendered.tools };
  for (const failure of rendered.failures) model.problems.push({ kind: "render-failed", location: failure.at, message: failure.message, target: failure.target });
  for (const { target, objects } of rendered.targets) {
    if (rendered.skip?.has(target.path)) continue;
    for (const object of objects) {
      const parsed = cache6.parse(object.text, false);
      for (const p of parsed.problems) {
        model.problems.push({ kind: p.invalid ? "invalid" : "parse-error", location: target.declaredAt, message: `the rendered output of ${target.path || "."}: ${p.message}` });
      }
      parsed.documents.forEach((doc, docIndex) => {
        for (const { object: decoded, apiVersion, kind, pathInDocument } of kubernetesObjectsOf(doc)) {
          const from = origin(object, target);
          const resource = resourceOf(decoded, apiVersion, kind, object.source ?? target.declaredAt.path, docIndex, pathInDocument, parsed.positions, from);
          from.bind(resource);
          add(resource);
        }
      });
    }
  }
}
function appliedBefore(a, b) {
  if (a.file !== b.file) {
    const [x, y] = [a.file.split("/"), b.file.split("/")];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i];
    return x.length < y.length;
  }
  if (a.docIndex !== b.docIndex) return a.docIndex < b.docIndex;
  return Number(a.pathInDocument[1] ?? 0) < Number(b.pathInDocument[1] ?? 0);
}
function duplicateProblem(kept, all) {
  const overwritten = all.filter((r) => r !== kept);
  const differs = overwritten.some((r) => !deepEqual(r.object, kept.object));
  const { kind, namespace, name } = kept;
  const elsewhere = overwritten.map((r) => `${r.file}:${r.at().line}`).join(", ");
  return {
    kind: "duplicate",
    location: kept.at(),
    resource: kept,
    overwritten,
    differs,
    message: `${kind} ${namespace ? `${namespace}/` : ""}${name} is defined ${all.length} times: here and at ${elsewhere}. \`kubectl apply -f\` applies files in path order, so the cluster keeps this copy (the last one applied) and overwrites ${overwritten.length === 1 ? "the other" : "the others"}; ` + (differs ? "the copies differ, and this is the one analyzed." : "the copies are identical.")
  };
}
function readText(file, maxBytes, problems) {
  const size = file.size ?? (typeof file.content === "string" ? file.content.length * 3 <= maxBytes ? file.content.length : Buffer.byteLength(file.content) : file.content.byteLength);
  if (file.unread !== void 0) return unread(file, problems, file.unread);
  if (size > maxBytes) return unread(file, problems, `file is ${size} bytes, over the ${maxBytes}-byte limit for manifests; it was not read`);
  if (typeof file.content === "string") return stripBom(file.content);
  const bytes = file.content;
  const unicode = decodeWithBom(bytes);
  if (unicode?.text === void 0) {
    if (unicode !== void 0) return unread(file, problems, `file is not valid ${unicode.encoding}; it was not read`);
  } else {
    if (unicode.encoding.startsWith("UTF-32") && looksLikeKubernetes(unicode.text)) {
      problems.push({
        kind: "invalid",
        location: { path: file.path, line: 1, endLine: 1 },
        message: `file is encoded as ${unicode.encoding}, which kubectl does not read (it transcodes UTF-8 and UTF-16 only); re-encode it as UTF-8`
      });
    }
    return unicode.text;
  }
  if (bytes.subarray(0, 8192).includes(0)) return unread(file, problems, "file is binary (it contains NUL bytes); it was not read");
  try {
    return stripBom(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return unread(file, problems, "file is not valid UTF-8; it was not read");
  }
}
function decodeWithBom(bytes) {
  const [a, b, c, d] = bytes;
  const encoding = a === 255 && b === 254 && c === 0 && d === 0 ? "UTF-32LE" : a === 0 && b === 0 && c === 254 && d === 255 ? "UTF-32BE" : a === 255 && b === 254 ? "UTF-16LE" : a === 254 && b === 255 ? "UTF-16BE" : void 0;
  if (encoding === void 0) return void 0;
  try {
    const text = encoding.startsWith("UTF-16") ? new TextDecoder(encoding.toLowerCase(), { fatal: true }).decode(bytes) : decodeUtf32(bytes.subarray(4), encoding === "UTF-32LE");
    return { encoding, text: stripBom(text) };
  } catch {
    return { encoding };
  }
}
function decodeUtf32(bytes, littleEndian) {
  if (bytes.length % 4 !== 0) throw new RangeError("truncated");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks = [];
  const points = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const point = view.getUint32(i, littleEndian);
    if (point > 1114111 || point >= 55296 && point <= 57343) throw new RangeError("invalid code point");
    points.push(point);
    if (points.length === 8192) chunks.push(String.fromCodePoint(...points.splice(0)));
  }
  chunks.push(String.fromCodePoint(...points));
  return chunks.join("");
}
function unread(file, problems, message) {
  problems.push({ kind: "parse-error", location: { path: file.path, line: 1, endLine: 1 }, message });
  return void 0;
}
function stripBom(text) {
  return text.charCodeAt(0) === 65279 ? text.slice(1) : text;
}
function looksLikeKubernetes(text) {
  return /apiVersion/.test(text) && /kind/.test(text);
}
var ALIAS_USE = /(?:^|[\s,[{:-])\*[^\s,[\]{}]/m;
var MERGE_KEY = /<<\s*:/;
var tooDeep = (line) => ({
  documents: [],
  positions: positionsOf("", "yaml"),
  problems: [{ line, message: `nesting deeper than ${MAX_NESTING_DEPTH} levels`, hostile: true }]
});
var NO_PROBLEMS = [];
function assembled(pieces, slots) {
  const documents = [];
  const sources = [];
  pieces.forEach((piece, i) => {
    const slot = slots[i];
    if (slot.docIndex >= 0) {
      documents.push(slot.parsed.documents[slot.docIndex]);
      sources.push({ positions: slot.parsed.positions, sourceDoc: slot.docIndex, lineShift: piece.lineOffset - slot.lineOffset });
    } else if (piece.explicit) {
      documents.push(null);
      sources.push(void 0);
    }
  });
  return { documents, positions: joinedPositions(sources), problems: NO_PROBLEMS };
}
function hasContent(text) {
  return CONTENT_LINE.test(text);
}
var CONTENT_LINE = /^[ \t]*[^ \t\r\n#]/m;
function fastPathText(text) {
  return !(text.includes("*") && ALIAS_USE.test(text)) && !(text.includes("<<") && MERGE_KEY.test(text));
}
function documentTexts(text) {
  if (!fastPathText(text) || text.includes("\uFEFF") || text.startsWith("%") || text.startsWith("...") || text.includes("\n%") || text.includes("\n...")) return void 0;
  if (text.includes("\r") && LONE_CR.test(text)) return void 0;
  const pieces = [];
  let [start, explicit, lineOffset] = [0, false, 0];
  for (let at = text.startsWith("---") ? 0 : markerAfter(text, 0); at >= 0; at = markerAfter(text, at + 3)) {
    if (at > 0 && text.charCodeAt(at - 1) !== 10) return void 0;
    let end = at + 3;
    if (text.charCodeAt(end) === 13) end++;
    if (end < text.length && text.charCodeAt(end) !== 10) return void 0;
    pieces.push({ text: text.slice(start, at), explicit, lineOffset });
    const next = Math.min(end + 1, text.length);
    lineOffset += linesIn(text, start, next);
    [start, explicit] = [next, true];
  }
  pieces.push({ text: start === 0 ? text : text.slice(start), explicit, lineOffset });
  return pieces;
}
var LONE_CR = /\r(?!\n)/;
function markerAfter(text, from) {
  const at = text.indexOf("\n---", from > 0 ? from - 1 : 0);
  return at < 0 ? -1 : at + 1;
}
function linesIn(text, start, end) {
  let lines = 0;
  for (let at = text.indexOf("\n", start); at >= 0 && at < end; at = text.indexOf("\n", at + 1)) lines++;
  return lines;
}
function decode(text, isJson) {
  if (isJson) return withTypeChecks(decodeJson(text));
  return decodeYaml(text, fastPathText(text) ? decodeFast(text) : void 0);
}
function decodeYaml(text, fast) {
  if (fast !== void 0) {
    if (!(fast instanceof YAMLException)) return withTypeChecks(fast);
    if (fast.reason.startsWith("nesting exceeded")) return tooDeep((fast.mark?.line ?? 0) + 1);
    const relaxed = relaxFlowWhitespace(text);
    const again = relaxed === text ? fast : decodeFast(relaxed);
    if (!(again instanceof YAMLException)) return withTypeChecks(again);
  }
  return withTypeChecks(decodeCarefullyRelaxed(text));
}
function decodeSimple(text, pieces, flows) {
  const documents = [];
  for (const piece of pieces) {
    if (!hasContent(piece.text)) {
      if (piece.explicit) documents.push(null);
      continue;
    }
    const document = decodeSimpleDocument(piece.text, flows);
    if (document === NOT_SIMPLE) return void 0;
    documents.push(document);
  }
  return { documents: documents.slice(), positions: positionsOf(text, "js-yaml"), problems: NO_PROBLEMS };
}
function decodeFast(text) {
  try {
    const documents = loadAll(text, { maxDepth: MAX_NESTING_DEPTH, schema: KUBERNETES_JS_YAML_SCHEMA });
    return { documents, positions: positionsOf(text, "js-yaml"), problems: NO_PROBLEMS };
  } catch (error) {
    return error instanceof YAMLException ? error : new YAMLException(String(error));
  }
}
function decodeJson(text) {
  const deepLine = flowDepthExceeded(text);
  if (deepLine !== void 0) return tooDeep(deepLine);
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return decodeCarefully(text);
  }
  if (repeatsKeys(text, value)) return decodeCarefully(text);
  return { documents: [value], positions: positionsOf(text, "js-yaml"), problems: NO_PROBLEMS };
}
var JSON_STRING = /"(?:[^"\\]|\\.)*"(\s*:)?/g;
function repeatsKeys(text, value) {
  const kept = countKeys(value);
  let colons = 0;
  for (let i = text.indexOf(":"); i !== -1; i = text.indexOf(":", i + 1)) colons++;
  if (colons === kept) return false;
  let written = 0;
  JSON_STRING.lastIndex = 0;
  for (let m = JSON_STRING.exec(text); m !== null; m = JSON_STRING.exec(text)) if (m[1] !== void 0) written++;
  return written > kept;
}
function countKeys(value) {
  if (Array.isArray(value)) return value.reduce((n2, item) => n2 + countKeys(item), 0);
  if (!isObject(value)) return 0;
  let n = 0;
  for (const key in value) n += 1 + countKeys(value[key]);
  return n;
}
function decodeCarefullyRelaxed(text) {
  const parsed = decodeCarefully(text);
  if (!hasSyntaxError(parsed)) return parsed;
  const relaxed = relaxFlowWhitespace(text);
  if (relaxed === text) return parsed;
  const again = decodeCarefully(relaxed);
  return hasSyntaxError(again) ? parsed : again;
}
var hasSyntaxError = (parsed) => parsed.problems.some((p) => !p.invalid && !p.hostile);
function withTypeChecks(parsed) {
  let problems;
  parsed.documents.forEach((doc, docIndex) => {
    for (const { object, pathInDocument } of kubernetesObjectsOf(doc)) {
      for (const { path, value } of nonStringFields(object)) {
        const full = [...pathInDocument, ...path];
        const written = parsed.positions.scalarSource(docIndex, full) ?? String(value);
        const shown = written.length > 40 ? `${written.slice(0, 40)}...` : written;
        (problems ??= [...parsed.problems]).push({
          line: parsed.positions.fieldSpan(docIndex, full).line,
          message: `${formatFieldPath(full)} is written "${shown}", which kubectl decodes as the ${typeof value} ${String(value)} (YAML 1.1) where Kubernetes requires a string; quote it`,
          invalid: true
        });
      }
    }
  });
  return problems ? { ...parsed, problems } : parsed;
}
function flowDepthExceeded(text) {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_NESTING_DEPTH) return line;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    } else if (c === 34) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 10) line++;
      }
    }
  }
  return void 0;
}
function decodeCarefully(text) {
  const deepLine = flowDepthExceeded(text) ?? blockDepthExceeded(text);
  if (deepLine !== void 0) return tooDeep(deepLine);
  const positions = positionsOf(text, "yaml");
  const documents = [];
  const problems = [];
  let parsed;
  try {
    parsed = (0, import_yaml2.parseAllDocuments)(text, { ...KUBERNETES_YAML_OPTIONS, prettyErrors: true, merge: true });
  } catch (error) {
    return { documents, positions, problems: [{ line: 1, message: firstLine(String(error.message)), hostile: true }] };
  }
  for (const doc of Array.isArray(parsed) ? parsed : []) {
    const duplicates = doc.errors.filter((e) => e.code === "DUPLICATE_KEY");
    if (duplicates.length < doc.errors.length) {
      const error = doc.errors.find((e) => e.code !== "DUPLICATE_KEY") ?? doc.errors[0];
      problems.push({ line: error.linePos?.[0]?.line ?? 1, message: firstLine(error.message) });
      documents.push(void 0);
      continue;
    }
    try {
      documents.push(doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT }));
    } catch (error) {
      const unresolved = unresolvedAlias(doc);
      const start = unresolved ?? doc.contents?.range?.[0] ?? 0;
      problems.push({ line: lineOfOffset(text, start), message: firstLine(String(error.message)), hostile: unresolved === void 0 });
      documents.push(void 0);
      continue;
    }
    for (const e of duplicates) {
      const key = (/^[^:\n]*/.exec(text.slice(e.pos[0], e.pos[0] + 200))?.[0].trim() ?? "").replace(/^(["'])(.*)\1$/, "$2");
      problems.push({ line: e.linePos?.[0]?.line ?? 1, message: `the key "${key}" is written twice in one mapping (the last value wins)`, invalid: true });
    }
  }
  return { documents, positions, problems };
}
function unresolvedAlias(doc) {
  let offset;
  (0, import_yaml2.visit)(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== void 0) return void 0;
      offset = node.range?.[0];
      return import_yaml2.visit.BREAK;
    }
  });
  return offset;
}
function blockDepthExceeded(text) {
  const open = [];
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    let i = start;
    while (text.charCodeAt(i) === 32) i++;
    if (i < end && text[i] !== "#" && text[i] !== "\r") {
      const column = i - start;
      while (open.length > 0 && open[open.length - 1] > column) open.pop();
      if (open.length === 0 || open[open.length - 1] < column) open.push(column);
      while ((text[i] === "-" || text[i] === "?") && (text[i + 1] === " " || text[i + 1] === "	")) {
        for (i += 2; text[i] === " " || text[i] === "	"; i++) ;
        if (i < end && open[open.length - 1] < i - start) open.push(i - start);
      }
      if (open.length > MAX_NESTING_DEPTH) return line + 1;
    }
    start = end + 1;
  }
  return void 0;
}
function firstLine(message) {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
function lineOfOffset(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
var KUSTOMIZE_API = "kustomize.config.k8s.io/";
var WHOLE_DOCUMENT = [];
function kubernetesObjectsOf(doc) {
  if (!isKubernetesObject(doc) || doc.apiVersion.startsWith(KUSTOMIZE_API)) return [];
  const kind = doc.kind;
  if (Array.isArray(doc.items) && (kind === "List" || kind.endsWith("List"))) {
    const itemKind = kind === "List" ? void 0 : kind.slice(0, -"List".length);
    const out = [];
    for (let i = 0; i < doc.items.length; i++) {
      const item = doc.items[i];
      if (!isObject(item)) continue;
      const apiVersion = typeof item.apiVersion === "string" ? item.apiVersion : doc.apiVersion;
      const k = typeof item.kind === "string" ? item.kind : itemKind;
      if (k) out.push({ object: item, apiVersion, kind: k, pathInDocument: ["items", i] });
    }
    return out;
  }
  return [{ object: doc, apiVersion: doc.apiVersion, kind, pathInDocument: WHOLE_DOCUMENT }];
}
function resourcesOfDocument(out, doc, path, docIndex, positions, share) {
  for (const { object, apiVersion, kind, pathInDocument } of kubernetesObjectsOf(doc)) {
    const resource = resourceOf(object, apiVersion, kind, path, docIndex, pathInDocument, positions);
    const shared = share(resource.key, object);
    out.push(shared === object ? resource : resourceOf(shared, apiVersion, kind, path, docIndex, pathInDocument, positions));
  }
}
function isKubernetesObject(doc) {
  return isObject(doc) && typeof doc.apiVersion === "string" && typeof doc.kind === "string";
}
function resourceOf(object, apiVersion, kind, path, docIndex, pathInDocument, positions, origin) {
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const name = identityField(metadata, "name", positions, docIndex, pathInDocument);
  const namespace = isClusterScoped(kind) ? "" : identityField(metadata, "namespace", positions, docIndex, pathInDocument) || (origin?.target.helm?.namespace ?? "default");
  const group = canonicalGroup(kind, apiGroupOf(apiVersion));
  return new Resource({ apiVersion, group, kind, namespace, name }, object, path, docIndex, pathInDocument, positions, origin);
}
function identityField(metadata, field, positions, docIndex, pathInDocument) {
  const value = metadata[field];
  if (typeof value === "string") return value;
  if (typeof value !== "number" && typeof value !== "boolean") return "";
  return positions.scalarSource(docIndex, [...pathInDocument, "metadata", field]) ?? String(value);
}

// src/model/memo.ts
function perResource(build) {
  const cache6 = /* @__PURE__ */ new WeakMap();
  return (resource) => {
    let value = cache6.get(resource);
    if (value === void 0) {
      value = build(resource);
      cache6.set(resource, value);
    }
    return value;
  };
}
function perObject(build) {
  const values = /* @__PURE__ */ new WeakMap();
  return (resource) => {
    let value = values.get(resource.object);
    if (value === void 0) {
      value = build(resource);
      values.set(resource.object, value);
    }
    return value;
  };
}
function perDecodedObject(build) {
  const meaningOf2 = perObject(build);
  return perResource((resource) => ({ resource, ...meaningOf2(resource) }));
}
function memoWhileSame(build) {
  const cache6 = /* @__PURE__ */ new WeakMap();
  return (key, inputs, ...args) => {
    const known = cache6.get(key);
    if (known && sameItems(known.inputs, inputs)) return known.value;
    const value = build(key, ...args);
    cache6.set(key, { inputs, value });
    return value;
  };
}
function sameItems(a, b) {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

// src/findings/code-span.ts
var MAX_CODE = 120;
var ELLIPSIS = "…";
function code(value, options = {}) {
  if (value === "") return "an empty value";
  const content = excerpt(value, options.max ?? MAX_CODE, options.focus).replace(/\r\n?|\n/g, "⏎");
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = /^[` ]|[` ]$/.test(content) ? " " : "";
  return `${fence}${pad}${content}${pad}${fence}`;
}
function excerpt(value, max, focus) {
  const points = [...value];
  if (points.length <= max) return value;
  const keep = max - 2;
  if (focus === void 0) {
    const head = Math.ceil(keep * 2 / 3);
    return `${points.slice(0, head).join("")}${ELLIPSIS}${points.slice(points.length - (keep - head)).join("")}`;
  }
  const at = [...value.slice(0, focus)].length;
  const start = Math.max(0, Math.min(at - Math.floor(keep * 2 / 3), points.length - keep));
  const end = start + keep;
  return `${start > 0 ? ELLIPSIS : ""}${points.slice(start, end).join("")}${end < points.length ? ELLIPSIS : ""}`;
}

// src/model/crd.ts
var nonEmptyString = (value) => typeof value === "string" && value !== "" ? value : void 0;
var listOf = (value) => Array.isArray(value) ? value : [];
var objectOf = (value) => isObject(value) ? value : {};
var numberOf = (value) => typeof value === "number" ? value : void 0;

// src/model/selector.ts
var ABSENT = "\0absent";
var EVERYTHING = { constraints: /* @__PURE__ */ new Map() };
function parseSelector(raw) {
  if (!isObject(raw)) return parseSelectorUncached(raw);
  const text = JSON.stringify(raw);
  let selector2 = parsedSelectors.get(text);
  if (!selector2) {
    if (parsedSelectors.size >= 1e4) parsedSelectors.clear();
    parsedSelectors.set(text, selector2 = parseSelectorUncached(raw));
  }
  return selector2;
}
var parsedSelectors = /* @__PURE__ */ new Map();
function parseSelectorUncached(raw) {
  const constraints = /* @__PURE__ */ new Map();
  if (raw === void 0 || raw === null) return { constraints };
  if (!isObject(raw)) return { constraints, invalid: "selector is not an object" };
  if (raw.matchLabels !== void 0 && raw.matchLabels !== null) {
    if (!isObject(raw.matchLabels)) return { constraints, invalid: "matchLabels is not a map" };
    for (const [key, value] of Object.entries(raw.matchLabels)) addConstraint(constraints, key, { complement: false, values: /* @__PURE__ */ new Set([String(value)]) });
  }
  if (raw.matchExpressions !== void 0 && raw.matchExpressions !== null) {
    if (!Array.isArray(raw.matchExpressions)) return { constraints, invalid: "matchExpressions is not a list" };
    for (const expression of raw.matchExpressions) {
      if (!isObject(expression) || typeof expression.key !== "string") return { constraints, invalid: "a matchExpression has no key" };
      const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
      switch (expression.operator) {
        case "In":
          if (values.length === 0) return { constraints, invalid: `In on "${expression.key}" needs values` };
          addConstraint(constraints, expression.key, { complement: false, values: new Set(values) });
          break;
        case "NotIn":
          if (values.length === 0) return { constraints, invalid: `NotIn on "${expression.key}" needs values` };
          addConstraint(constraints, expression.key, { complement: true, values: new Set(values) });
          break;
        case "Exists":
        case "DoesNotExist":
          if (values.length > 0) return { constraints, invalid: `${expression.operator} on "${expression.key}" takes no values` };
          addConstraint(constraints, expression.key, { complement: expression.operator === "Exists", values: /* @__PURE__ */ new Set([ABSENT]) });
          break;
        default:
          return { constraints, invalid: `unknown operator "${String(expression.operator)}"` };
      }
    }
  }
  return { constraints };
}
function addConstraint(constraints, key, set) {
  const existing = constraints.get(key);
  constraints.set(key, existing ? intersect(existing, set) : set);
}
function intersect(a, b) {
  if (!a.complement && !b.complement) return { complement: false, values: new Set([...a.values].filter((v) => b.values.has(v))) };
  if (a.complement && b.complement) return { complement: true, values: /* @__PURE__ */ new Set([...a.values, ...b.values]) };
  const [finite, cofinite] = a.complement ? [b, a] : [a, b];
  return { complement: false, values: new Set([...finite.values].filter((v) => !cofinite.values.has(v))) };
}
function intersectSelectors(a, b) {
  const constraints = new Map(a.constraints);
  for (const [key, set] of b.constraints) addConstraint(constraints, key, set);
  const invalid = a.invalid ?? b.invalid;
  return invalid === void 0 ? { constraints } : { constraints, invalid };
}
function isEmptySet(set) {
  return !set.complement && set.values.size === 0;
}
function isSubsetSet(a, b) {
  if (!a.complement && !b.complement) return [...a.values].every((v) => b.values.has(v));
  if (!a.complement && b.complement) return [...a.values].every((v) => !b.values.has(v));
  if (a.complement && b.complement) return [...b.values].every((v) => a.values.has(v));
  return false;
}
function selectsNothing(selector2) {
  return selector2.invalid !== void 0 || [...selector2.constraints.values()].some(isEmptySet);
}
function selectsEverything(selector2) {
  return !selector2.invalid && [...selector2.constraints.values()].every((set) => set.complement && set.values.size === 0);
}
function isSubsetOf(a, b) {
  if (selectsNothing(a)) return true;
  if (selectsNothing(b)) return false;
  for (const [key, setB] of b.constraints) {
    const setA = a.constraints.get(key) ?? { complement: true, values: /* @__PURE__ */ new Set() };
    if (!isSubsetSet(setA, setB)) return false;
  }
  return true;
}
function compareSelectors(before, after) {
  const afterInBefore = isSubsetOf(after, before);
  const beforeInAfter = isSubsetOf(before, after);
  if (afterInBefore && beforeInAfter) return "equal";
  if (beforeInAfter) return "superset";
  if (afterInBefore) return "subset";
  return "incomparable";
}
function matches(selector2, labels) {
  if (selector2.invalid) return false;
  for (const [key, set] of selector2.constraints) {
    const value = Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : ABSENT;
    if (set.values.has(value) === !set.complement) continue;
    return false;
  }
  return true;
}
function describeSelector(selector2) {
  const parts = [];
  for (const [key, set] of [...selector2.constraints].sort(([a], [b]) => a < b ? -1 : 1)) {
    const values = [...set.values].filter((v) => v !== ABSENT).sort();
    const hasAbsent = set.values.has(ABSENT);
    if (!set.complement && values.length === 1 && !hasAbsent) parts.push(`${key}: ${values[0]}`);
    else if (!set.complement && values.length === 0 && hasAbsent) parts.push(`!${key}`);
    else if (set.complement && values.length === 0 && hasAbsent) parts.push(key);
    else if (set.complement && values.length === 0) continue;
    else parts.push(`${key} ${set.complement ? "NotIn" : "In"} (${values.join(", ")})${set.complement && hasAbsent ? " and set" : ""}`);
  }
  return `{${parts.join(", ")}}`;
}
function overlaps(a, b) {
  if (selectsNothing(a) || selectsNothing(b)) return false;
  for (const [key, setB] of b.constraints) {
    const setA = a.constraints.get(key);
    if (setA && isEmptySet(intersect(setA, setB))) return false;
  }
  return true;
}

// src/model/gateway.ts
var GATEWAY_GROUP = "gateway.networking.k8s.io";
function isGatewayKind(resource, kind) {
  return resource.group === GATEWAY_GROUP && resource.kind === kind;
}
var ALLOWED_FROM = ["Same", "Selector", "All"];
function isGateway(resource) {
  return isGatewayKind(resource, "Gateway");
}
var gatewayOf = perResource((resource) => {
  const spec = resource.spec;
  const problems = [];
  const listeners = listOf(spec.listeners).map((raw, index) => {
    const l = objectOf(raw);
    const fieldPath = ["spec", "listeners", index];
    const namespaces = objectOf(objectOf(l.allowedRoutes).namespaces);
    let allowedFrom = "Same";
    if (namespaces.from !== void 0) {
      if (ALLOWED_FROM.includes(namespaces.from)) allowedFrom = namespaces.from;
      else problems.push({ path: [...fieldPath, "allowedRoutes", "namespaces", "from"], message: `unknown allowedRoutes.namespaces.from ${code(String(namespaces.from))} (Same, Selector or All)` });
    }
    const tls = isObject(l.tls) ? l.tls : void 0;
    const tlsMode = tls ? tls.mode === "Passthrough" ? "Passthrough" : "Terminate" : void 0;
    return {
      index,
      name: nonEmptyString(l.name) ?? "",
      port: numberOf(l.port),
      protocol: nonEmptyString(l.protocol),
      hostname: nonEmptyString(l.hostname),
      tlsMode,
      allowedFrom,
      selector: allowedFrom === "Selector" ? parseSelector(namespaces.selector ?? {}) : void 0,
      legacyValidation: tls && isObject(tls.frontendValidation) ? validationOf(tls.frontendValidation, [...fieldPath, "tls", "frontendValidation"]) : void 0,
      fieldPath
    };
  });
  const frontend = objectOf(objectOf(spec.tls).frontend);
  const defaultPath = ["spec", "tls", "frontend", "default", "validation"];
  const defaultValidation = isObject(objectOf(frontend.default).validation) ? validationOf(objectOf(objectOf(frontend.default).validation), defaultPath) : void 0;
  const perPort = listOf(frontend.perPort).flatMap((raw, i) => {
    const entry = objectOf(raw);
    const port = numberOf(entry.port);
    const fieldPath = ["spec", "tls", "frontend", "perPort", i];
    if (port === void 0) {
      problems.push({ path: fieldPath, message: "a perPort entry needs a port" });
      return [];
    }
    const validation = objectOf(entry.tls).validation;
    return [{ port, validation: isObject(validation) ? validationOf(validation, [...fieldPath, "tls", "validation"]) : void 0, fieldPath }];
  });
  return { resource, className: nonEmptyString(spec.gatewayClassName), listeners, defaultValidation, perPort, problems };
});
function validationOf(raw, fieldPath) {
  return {
    mode: raw.mode === "AllowInsecureFallback" ? "AllowInsecureFallback" : "AllowValidOnly",
    caCertificateRefs: listOf(raw.caCertificateRefs).map((r) => {
      const ref = objectOf(r);
      return `${nonEmptyString(ref.kind) ?? "ConfigMap"}/${nonEmptyString(ref.namespace) ? `${String(ref.namespace)}/` : ""}${nonEmptyString(ref.name) ?? ""}`;
    }),
    fieldPath,
    modePath: raw.mode === void 0 ? void 0 : [...fieldPath, "mode"]
  };
}
function validationFor(gateway, listener) {
  const entry = gateway.perPort.find((p) => p.port === listener.port);
  if (entry) return entry.validation;
  return gateway.defaultValidation ?? listener.legacyValidation;
}
function terminatesTls(listener) {
  return listener.protocol === "HTTPS" || listener.protocol === "TLS" && listener.tlsMode !== "Passthrough";
}
function gatewayHostCovers(outer, inner) {
  if (outer === void 0) return true;
  if (inner === void 0) return false;
  const o = outer.toLowerCase();
  const i = inner.toLowerCase();
  if (o === i) return true;
  if (!o.startsWith("*.")) return false;
  const suffix = o.slice(1);
  const name = i.startsWith("*.") ? i.slice(1) : i;
  return name.endsWith(suffix) && name.length > suffix.length;
}
var ROUTE_KINDS = ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"];
function isGatewayRoute(resource) {
  return resource.group === GATEWAY_GROUP && ROUTE_KINDS.includes(resource.kind);
}
var gatewayRouteOf = perResource((resource) => {
  const spec = resource.spec;
  const kind = resource.kind;
  const ns = resource.namespace;
  const problems = [];
  const parentRefs = listOf(spec.parentRefs).map((raw, i) => {
    const p = objectOf(raw);
    return {
      group: typeof p.group === "string" ? p.group : GATEWAY_GROUP,
      kind: nonEmptyString(p.kind) ?? "Gateway",
      namespace: nonEmptyString(p.namespace) ?? ns,
      name: nonEmptyString(p.name) ?? "",
      sectionName: nonEmptyString(p.sectionName),
      port: numberOf(p.port),
      fieldPath: ["spec", "parentRefs", i]
    };
  });
  const hostnames = kind === "TCPRoute" || kind === "UDPRoute" ? [] : listOf(spec.hostnames).map(String);
  const rules = listOf(spec.rules).map((raw, index) => {
    const r = objectOf(raw);
    const fieldPath = ["spec", "rules", index];
    const rawMatches = listOf(r.matches);
    const matchesEverything = rawMatches.length === 0 && (kind === "HTTPRoute" || kind === "GRPCRoute");
    const matches2 = matchesEverything ? [implicitMatch(kind)] : rawMatches.map((m, i) => matchOf(kind, objectOf(m), [...fieldPath, "matches", i], problems));
    const backendRefs = listOf(r.backendRefs).map((b, i) => {
      const ref = objectOf(b);
      return {
        group: typeof ref.group === "string" ? ref.group : "",
        kind: nonEmptyString(ref.kind) ?? "Service",
        namespace: nonEmptyString(ref.namespace) ?? ns,
        name: nonEmptyString(ref.name) ?? "",
        port: numberOf(ref.port),
        weight: numberOf(ref.weight) ?? 1,
        fieldPath: [...fieldPath, "backendRefs", i]
      };
    });
    return { index, matches: matches2, matchesEverything, backendRefs, fieldPath };
  });
  return { resource, kind, parentRefs, hostnames, hostnamesPath: ["spec", "hostnames"], rules, problems };
});
function implicitMatch(kind) {
  return kind === "HTTPRoute" ? { path: { type: "PathPrefix", value: "/" }, headers: [], queryParams: [] } : { headers: [], queryParams: [] };
}
function valueMatches(raw) {
  return listOf(raw).map((v) => {
    const m = objectOf(v);
    return { type: m.type === "RegularExpression" ? "RegularExpression" : "Exact", name: String(m.name ?? ""), value: String(m.value ?? "") };
  });
}
function matchOf(kind, raw, fieldPath, problems) {
  const match = { headers: valueMatches(raw.headers), queryParams: valueMatches(raw.queryParams), fieldPath };
  if (kind === "GRPCRoute") {
    if (isObject(raw.method)) {
      match.grpc = { type: raw.method.type === "RegularExpression" ? "RegularExpression" : "Exact", service: nonEmptyString(raw.method.service), method: nonEmptyString(raw.method.method) };
    }
    return match;
  }
  const path = objectOf(raw.path);
  const type = path.type ?? "PathPrefix";
  if (type !== "Exact" && type !== "PathPrefix" && type !== "RegularExpression") {
    problems.push({ path: [...fieldPath, "path", "type"], message: `unknown path type ${code(String(type))} (Exact, PathPrefix or RegularExpression)` });
  }
  match.path = { type: type === "Exact" || type === "RegularExpression" ? type : "PathPrefix", value: nonEmptyString(path.value) ?? "/" };
  match.method = nonEmptyString(raw.method);
  return match;
}
function isReferenceGrant(resource) {
  return isGatewayKind(resource, "ReferenceGrant");
}
var referenceGrantOf = perResource((resource) => ({
  resource,
  namespace: resource.namespace,
  from: listOf(resource.spec.from).map((raw, i) => {
    const f = objectOf(raw);
    return { group: typeof f.group === "string" ? f.group : "", kind: String(f.kind ?? ""), namespace: String(f.namespace ?? ""), fieldPath: ["spec", "from", i] };
  }),
  to: listOf(resource.spec.to).map((raw, i) => {
    const t = objectOf(raw);
    return { group: typeof t.group === "string" ? t.group : "", kind: String(t.kind ?? ""), name: nonEmptyString(t.name), fieldPath: ["spec", "to", i] };
  })
}));
function grantToCovers(to, target) {
  return to.group === target.group && to.kind === target.kind && (to.name === void 0 || to.name === target.name);
}

// src/model/ingress.ts
var INGRESS_CLASS_ANNOTATION = "kubernetes.io/ingress.class";
function isIngress(resource) {
  return resource.kind === "Ingress" && resource.group === "networking.k8s.io";
}
var ingressOf = perDecodedObject(buildIngress);
function buildIngress(resource) {
  const spec = resource.spec;
  const isV1 = resource.apiVersion === "networking.k8s.io/v1";
  const problems = [];
  const annotationClass = resource.annotations()[INGRESS_CLASS_ANNOTATION];
  const fieldClass = typeof spec.ingressClassName === "string" ? spec.ingressClassName : void 0;
  const className = fieldClass ?? annotationClass;
  const classPath = fieldClass !== void 0 ? ["spec", "ingressClassName"] : ["metadata", "annotations", INGRESS_CLASS_ANNOTATION];
  const rawDefault = spec.defaultBackend ?? spec.backend;
  const defaultBackend = isObject(rawDefault) ? backendOf(rawDefault, ["spec", spec.defaultBackend !== void 0 ? "defaultBackend" : "backend"]) : void 0;
  const rules = [];
  (Array.isArray(spec.rules) ? spec.rules : []).forEach((raw, index) => {
    const rule = isObject(raw) ? raw : {};
    const host = typeof rule.host === "string" && rule.host !== "" ? rule.host : void 0;
    const fieldPath = internPath(["spec", "rules", index]);
    const http = isObject(rule.http) ? rule.http : {};
    const paths = [];
    (Array.isArray(http.paths) ? http.paths : []).forEach((rawPath, i) => {
      const p = isObject(rawPath) ? rawPath : {};
      const pathField = internPath([...fieldPath, "http", "paths", i]);
      const rawType = typeof p.pathType === "string" ? p.pathType : void 0;
      if (rawType === void 0 && isV1) problems.push({ path: pathField, message: "pathType is required in networking.k8s.io/v1" });
      if (rawType !== void 0 && rawType !== "Exact" && rawType !== "Prefix" && rawType !== "ImplementationSpecific") {
        problems.push({ path: [...pathField, "pathType"], message: `unknown pathType "${rawType}" (Exact, Prefix or ImplementationSpecific)` });
      }
      const pathType = rawType ?? "ImplementationSpecific";
      const path = typeof p.path === "string" && p.path !== "" ? p.path : "/";
      const backend = backendOf(isObject(p.backend) ? p.backend : {}, internPath([...pathField, "backend"]));
      paths.push({ host, path, pathType, backend, fieldPath: pathField });
    });
    rules.push({ host, index, paths, fieldPath });
  });
  const tls = (Array.isArray(spec.tls) ? spec.tls : []).map((raw, i) => {
    const entry = isObject(raw) ? raw : {};
    return {
      hosts: Array.isArray(entry.hosts) ? entry.hosts.map(String) : [],
      secretName: typeof entry.secretName === "string" ? entry.secretName : void 0,
      fieldPath: ["spec", "tls", i]
    };
  });
  return { className, classPath, defaultBackend, rules, tls, problems };
}
function backendOf(raw, path) {
  if (isObject(raw.service)) {
    const port = isObject(raw.service.port) ? raw.service.port : {};
    return {
      service: typeof raw.service.name === "string" ? raw.service.name : void 0,
      port: typeof port.number === "number" ? port.number : typeof port.name === "string" ? port.name : void 0,
      path,
      servicePath: internPath([...path, "service", "name"]),
      portPath: internPath([...path, "service", "port", typeof port.number === "number" ? "number" : "name"])
    };
  }
  if (typeof raw.serviceName === "string") {
    const sp = raw.servicePort;
    const port = typeof sp === "number" ? sp : typeof sp === "string" ? /^\d+$/.test(sp) ? Number(sp) : sp : void 0;
    return { service: raw.serviceName, port, path, servicePath: internPath([...path, "serviceName"]), portPath: internPath([...path, "servicePort"]) };
  }
  if (isObject(raw.resource)) {
    const r = raw.resource;
    return { resource: `${String(r.apiGroup ?? "")}/${String(r.kind ?? "")}/${String(r.name ?? "")}`, path };
  }
  return { path };
}
function describeBackend(backend) {
  if (!backend) return "nothing";
  if (backend.resource) return `resource ${backend.resource}`;
  return backend.port === void 0 ? `${backend.service ?? "?"}` : `${backend.service ?? "?"}:${backend.port}`;
}

// src/model/lookup.ts
function lookup(model, id, from) {
  if (from.scope !== void 0) {
    const own = model.byKey.get(identityKey({ ...id, scope: from.scope }));
    if (own) return own;
  }
  return model.byKey.get(identityKey(id));
}

// src/model/ip-set.ts
var import_ipaddr = __toESM(require_ipaddr(), 1);
var BITS = { ipv4: 32, ipv6: 128 };
function parseCidr(text) {
  if (parsedCidrs.has(text)) return parsedCidrs.get(text);
  const parsed = parseCidrUncached(text);
  if (parsedCidrs.size >= 1e4) parsedCidrs.clear();
  parsedCidrs.set(text, parsed);
  return parsed;
}
var parsedCidrs = /* @__PURE__ */ new Map();
var IPV4_CIDR = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})(?:\/(\d{1,3}))?$/;
function parseCidrUncached(text) {
  const slash = text.indexOf("/");
  const addressText = slash < 0 ? text : text.slice(0, slash);
  return addressText.includes(":") ? parseIpv6Cidr(addressText, slash < 0 ? void 0 : text.slice(slash + 1)) : parseIpv4Cidr(text);
}
function parseIpv4Cidr(text) {
  const match = IPV4_CIDR.exec(text);
  if (!match) return void 0;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const part = Number(match[i]);
    if (part > 255) return void 0;
    value = value * 256 + part;
  }
  const length = match[5] === void 0 ? 32 : Number(match[5]);
  if (length > 32) return void 0;
  const size = 2 ** (32 - length);
  const start = Math.floor(value / size) * size;
  return { family: "ipv4", prefix: length, range: { family: "ipv4", start: BigInt(start), end: BigInt(start + size - 1) } };
}
function parseIpv6Cidr(addressText, prefixText) {
  if (prefixText !== void 0 && !/^\d{1,3}$/.test(prefixText)) return void 0;
  if (addressText.includes("%") || !import_ipaddr.default.IPv6.isValid(addressText)) return void 0;
  const length = prefixText === void 0 ? 128 : Number(prefixText);
  if (length > 128) return void 0;
  const hostBits = BigInt(128 - length);
  const start = bytesToBigInt(import_ipaddr.default.IPv6.parse(addressText).toByteArray()) >> hostBits << hostBits;
  return { family: "ipv6", prefix: length, range: { family: "ipv6", start, end: start + (1n << hostBits) - 1n } };
}
function bytesToBigInt(bytes) {
  let value = 0n;
  for (const b of bytes) value = value << 8n | BigInt(b);
  return value;
}
function formatAddress(family, value) {
  if (family === "ipv4") {
    const n = Number(value);
    return `${Math.floor(n / 16777216)}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
  }
  const bytes = [];
  for (let i = BITS[family] / 8 - 1; i >= 0; i--) bytes.push(Number(value >> BigInt(i * 8) & 0xffn));
  return import_ipaddr.default.fromByteArray(bytes).toString();
}
var IpSet = class _IpSet {
  constructor(ranges) {
    this.ranges = ranges;
  }
  ranges;
  static EMPTY = new _IpSet([]);
  static of(ranges) {
    return new _IpSet(normalize([...ranges].sort(compareRanges)));
  }
  /** The union of many sets at once: one sort, where folding `union` over them would be quadratic. */
  static unionAll(sets) {
    const ranges = [];
    for (const set of sets) for (const r of set.ranges) ranges.push(r);
    return _IpSet.of(ranges);
  }
  static fromCidr(text) {
    const parsed = parseCidr(text);
    return parsed ? new _IpSet([parsed.range]) : _IpSet.EMPTY;
  }
  /** Every address of both families. */
  static all() {
    return ALL;
  }
  union(other) {
    if (other.ranges.length === 0) return this;
    if (this.ranges.length === 0) return other;
    return new _IpSet(normalize(mergeSorted(this.ranges, other.ranges)));
  }
  subtract(other) {
    if (this.ranges.length === 0 || other.ranges.length === 0) return this;
    const out = [];
    let j = 0;
    for (const r of this.ranges) {
      while (j < other.ranges.length && compareEnd(other.ranges[j], r.family, r.start) < 0) j++;
      let start = r.start;
      let k = j;
      for (; k < other.ranges.length; k++) {
        const cut = other.ranges[k];
        if (cut.family !== r.family || cut.start > r.end) break;
        if (cut.start > start) out.push({ family: r.family, start, end: cut.start - 1n });
        start = cut.end + 1n;
        if (start > r.end) break;
      }
      if (start <= r.end) out.push({ family: r.family, start, end: r.end });
    }
    return new _IpSet(out);
  }
  intersect(other) {
    const out = [];
    let i = 0;
    let j = 0;
    while (i < this.ranges.length && j < other.ranges.length) {
      const a = this.ranges[i];
      const b = other.ranges[j];
      if (a.family === b.family) {
        const start = a.start > b.start ? a.start : b.start;
        const end = a.end < b.end ? a.end : b.end;
        if (start <= end) out.push({ family: a.family, start, end });
      }
      if (compareEnd(a, b.family, b.end) < 0) i++;
      else j++;
    }
    return new _IpSet(out);
  }
  /** Whether the address is in the set (binary search). */
  contains(family, address) {
    const r = this.ranges[firstEndingAtOrAfter(this.ranges, (range) => range, family, address)];
    return r !== void 0 && r.family === family && r.start <= address;
  }
  isEmpty() {
    return this.ranges.length === 0;
  }
  isSubsetOf(other) {
    return this.subtract(other).isEmpty();
  }
  equals(other) {
    return this.ranges.length === other.ranges.length && this.ranges.every((r, i) => r.family === other.ranges[i].family && r.start === other.ranges[i].start && r.end === other.ranges[i].end);
  }
  /** Number of addresses. */
  size() {
    return this.ranges.reduce((sum, r) => sum + (r.end - r.start + 1n), 0n);
  }
  /** `10.0.0.0-10.255.255.255, …`. */
  toString() {
    return this.ranges.map((r) => `${formatAddress(r.family, r.start)}-${formatAddress(r.family, r.end)}`).join(", ");
  }
};
function* cidrsOfRange({ family, start, end }) {
  let at = start;
  while (at <= end) {
    const aligned = at === 0n ? BITS[family] : bitLength(at & -at) - 1;
    const hostBits = Math.min(aligned, bitLength(end - at + 1n) - 1);
    yield { family, start: at, prefix: BITS[family] - hostBits };
    at += 1n << BigInt(hostBits);
  }
}
function cidrCount({ start, end }) {
  const next = end + 1n;
  const p = bitLength(start ^ next) - 1;
  const c = next >> BigInt(p) << BigInt(p);
  return popCount(c - start) + popCount(next - c);
}
function bitLength(value) {
  return value === 0n ? 0 : value.toString(2).length;
}
function popCount(value) {
  let count = 0;
  for (const digit of value.toString(2)) if (digit === "1") count++;
  return count;
}
function* take(items, limit) {
  if (limit <= 0) return;
  let taken = 0;
  for (const item of items) {
    yield item;
    if (++taken >= limit) return;
  }
}
function* cidrsOfRanges(ranges) {
  for (const range of ranges) yield* cidrsOfRange(range);
}
function enclosingCidr(ranges) {
  const { family, start } = ranges[0];
  const end = ranges[ranges.length - 1].end;
  let hostBits = 0;
  while (start >> BigInt(hostBits) !== end >> BigInt(hostBits)) hostBits++;
  return { family, start: start >> BigInt(hostBits) << BigInt(hostBits), prefix: BITS[family] - hostBits };
}
function cidrText(c) {
  return `${formatAddress(c.family, c.start)}/${c.prefix}`;
}
function describeAddresses(set, limit = 3) {
  if (set.isEmpty()) return "no address";
  const parts = [];
  let named = 0;
  let total = 0;
  for (const family of ["ipv4", "ipv6"]) {
    const ranges = set.ranges.filter((r) => r.family === family);
    if (ranges.length === 0) continue;
    const outer = enclosingCidr(ranges);
    const outerRange = { family, start: outer.start, end: outer.start + (1n << BigInt(BITS[family] - outer.prefix)) - 1n };
    const holes = IpSet.of([outerRange]).subtract(set).ranges;
    const [blockCount, holeCount] = [ranges, holes].map((list) => list.reduce((sum, r) => sum + cidrCount(r), 0));
    const [head, listed, count] = holeCount + 1 < blockCount ? [`${cidrText(outer)} except `, holes, holeCount] : ["", ranges, blockCount];
    const shown = [...take(cidrsOfRanges(listed), limit - named)];
    named += shown.length;
    total += count;
    if (shown.length > 0) parts.push(head + shown.map(cidrText).join(", "));
  }
  const text = parts.join(parts.some((p) => p.includes(" except ")) ? "; " : ", ");
  return text + (total > named ? ` and ${(total - named).toLocaleString("en-US")} more` : "");
}
function firstEndingAtOrAfter(items, rangeOf2, family, address) {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (compareEnd(rangeOf2(items[mid]), family, address) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
var FAMILY_ORDER = { ipv4: 0, ipv6: 1 };
function compareRanges(a, b) {
  return a.family !== b.family ? FAMILY_ORDER[a.family] - FAMILY_ORDER[b.family] : a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}
function compareEnd(r, family, address) {
  return r.family !== family ? FAMILY_ORDER[r.family] - FAMILY_ORDER[family] : r.end < address ? -1 : r.end > address ? 1 : 0;
}
function mergeSorted(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareRanges(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
function normalize(sorted2) {
  const out = [];
  for (const r of sorted2) {
    const last = out[out.length - 1];
    if (last && last.family === r.family && r.start <= last.end + 1n) {
      if (r.end > last.end) out[out.length - 1] = { ...last, end: r.end };
    } else {
      out.push(r);
    }
  }
  return out;
}
var ALL = IpSet.of([
  { family: "ipv4", start: 0n, end: (1n << 32n) - 1n },
  { family: "ipv6", start: 0n, end: (1n << 128n) - 1n }
]);

// src/model/traefik.ts
var TRAEFIK_GROUP = "traefik.io";
var MATCHER_ALIASES = { HostHeader: "Host", Headers: "Header", HeadersRegexp: "HeaderRegexp" };
var ANY_OF_MATCHERS = /* @__PURE__ */ new Set(["Host", "HostRegexp", "Path", "PathPrefix", "PathRegexp", "Method", "ClientIP", "HostSNI", "HostSNIRegexp"]);
var KNOWN_MATCHERS = /* @__PURE__ */ new Set([...ANY_OF_MATCHERS, "Header", "HeaderRegexp", "Query", "QueryRegexp", "ALPN"]);
var KEY_VALUE_MATCHERS = /* @__PURE__ */ new Set(["Header", "HeaderRegexp", "Query", "QueryRegexp"]);
var MatchSyntaxError = class extends Error {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
  }
  offset;
};
function tokenize(text) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "(" || c === ")" || c === "," || c === "!") {
      tokens.push({ type: c, value: c, offset: i });
      i++;
      continue;
    }
    if (c === "&" || c === "|") {
      if (text[i + 1] !== c) throw new MatchSyntaxError(`"${c}" must be doubled ("${c}${c}")`, i);
      tokens.push({ type: c === "&" ? "&&" : "||", value: c + c, offset: i });
      i += 2;
      continue;
    }
    if (c === "`") {
      const end = text.indexOf("`", i + 1);
      if (end < 0) throw new MatchSyntaxError("unterminated backquoted string", i);
      tokens.push({ type: "string", value: text.slice(i + 1, end), offset: i });
      i = end + 1;
      continue;
    }
    if (c === '"') {
      let value = "";
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === "\\" && j + 1 < text.length) {
          const e = text[++j];
          value += e === "n" ? "\n" : e === "t" ? "	" : e;
        } else {
          value += text[j];
        }
      }
      if (j >= text.length) throw new MatchSyntaxError("unterminated quoted string", i);
      tokens.push({ type: "string", value, offset: i });
      i = j + 1;
      continue;
    }
    if (c === "'") throw new MatchSyntaxError("single quotes do not delimit strings in a Traefik rule: use backquotes", i);
    const ident = /^[A-Za-z][A-Za-z0-9]*/.exec(text.slice(i));
    if (!ident) throw new MatchSyntaxError(`unexpected "${c}"`, i);
    tokens.push({ type: "ident", value: ident[0], offset: i });
    i += ident[0].length;
  }
  tokens.push({ type: "end", value: "", offset: text.length });
  return tokens;
}
function parseMatch(text) {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const expect = (type) => {
    const t = tokens[pos];
    if (t.type !== type) throw new MatchSyntaxError(`expected "${type}" but found ${t.type === "end" ? "the end of the rule" : `"${t.value}"`}`, t.offset);
    pos++;
    return t;
  };
  const binary = (kind, op, next) => {
    const items = [next()];
    while (peek().type === op) {
      pos++;
      items.push(next());
    }
    return items.length === 1 ? items[0] : flatten(kind, items);
  };
  const orExpr = () => binary("or", "||", andExpr);
  const andExpr = () => binary("and", "&&", unary);
  const unary = () => {
    if (peek().type === "!") {
      pos++;
      return { kind: "not", item: unary() };
    }
    if (peek().type === "(") {
      pos++;
      const inner = orExpr();
      expect(")");
      return inner;
    }
    const name = expect("ident");
    expect("(");
    const args = [];
    if (peek().type !== ")") {
      args.push(expect("string").value);
      while (peek().type === ",") {
        pos++;
        args.push(expect("string").value);
      }
    }
    expect(")");
    return matcher(name.value, args, name.offset);
  };
  if (peek().type === "end") throw new MatchSyntaxError("the rule is empty", 0);
  const expr = orExpr();
  if (peek().type !== "end") throw new MatchSyntaxError(`unexpected "${peek().value}"`, peek().offset);
  return expr;
}
function flatten(kind, items) {
  return { kind, items: items.flatMap((item) => item.kind === kind ? item.items : [item]) };
}
function matcher(rawName, args, offset) {
  const name = Object.hasOwn(MATCHER_ALIASES, rawName) ? MATCHER_ALIASES[rawName] : rawName;
  if (!KNOWN_MATCHERS.has(name)) throw new MatchSyntaxError(`unknown matcher ${rawName}`, offset);
  if (args.length === 0) throw new MatchSyntaxError(`${rawName} needs an argument`, offset);
  if (ANY_OF_MATCHERS.has(name)) {
    return args.length === 1 ? { kind: "matcher", name, args } : { kind: "or", items: args.map((a) => ({ kind: "matcher", name, args: [a] })) };
  }
  if (KEY_VALUE_MATCHERS.has(name)) {
    if (name.startsWith("Query") && args.every((a) => a.includes("="))) {
      const pairs = args.map((a) => ({ kind: "matcher", name, args: [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] }));
      return pairs.length === 1 ? pairs[0] : { kind: "and", items: pairs };
    }
    if (args.length !== 2 && !(name.startsWith("Query") && args.length === 1)) throw new MatchSyntaxError(`${rawName} takes a key and a value`, offset);
  }
  return { kind: "matcher", name, args };
}
var quote = (s) => s.includes("`") ? JSON.stringify(s) : `\`${s}\``;
function formatLiteral(literal) {
  return `${literal.negated ? "!" : ""}${literal.name}(${literal.args.map(quote).join(", ")})`;
}
function formatConjunct(conjunct) {
  return conjunct.length === 0 ? "every request" : conjunct.map(formatLiteral).join(" && ");
}
function literalKey(literal) {
  const args = literal.name === "Host" || literal.name === "HostSNI" ? literal.args.map((a) => a.toLowerCase()) : literal.args;
  return formatLiteral({ ...literal, args });
}
function conjunctKey(conjunct) {
  return conjunct.map(literalKey).sort().join(" && ");
}
var DNF_LIMIT = 256;
function toDnf(expr) {
  const result = dnf(expr, false);
  if (!result) return void 0;
  const seen = /* @__PURE__ */ new Map();
  for (const conjunct of result) {
    const unique = new Map(conjunct.map((l) => [literalKey(l), l]));
    const c = [...unique.values()];
    seen.set(conjunctKey(c), c);
  }
  return [...seen.values()];
}
function dnf(expr, negated) {
  switch (expr.kind) {
    case "matcher":
      return [[{ name: expr.name, args: expr.args, negated }]];
    case "not":
      return dnf(expr.item, !negated);
    case "and":
    case "or": {
      const parts = expr.items.map((i) => dnf(i, negated));
      if (parts.some((p) => p === void 0)) return void 0;
      const conjunction = expr.kind === "and" !== negated;
      if (!conjunction) {
        const all = parts.flat();
        return all.length > DNF_LIMIT ? void 0 : all;
      }
      let acc = [[]];
      for (const part of parts) {
        if (acc.length * part.length > DNF_LIMIT) return void 0;
        acc = acc.flatMap((a) => part.map((b) => [...a, ...b]));
      }
      return acc;
    }
  }
}
function isTraefikKind(resource, kind) {
  return resource.kind === kind && resource.group === TRAEFIK_GROUP;
}
function isIngressRoute(resource) {
  return isTraefikKind(resource, "IngressRoute");
}
var ingressRouteOf = perResource((resource) => {
  const spec = resource.spec;
  const problems = [];
  const approximations = [];
  const entryPoints = Array.isArray(spec.entryPoints) && spec.entryPoints.length > 0 ? spec.entryPoints.map(String) : void 0;
  const routes = listOf(spec.routes).map((raw, index) => {
    const route = objectOf(raw);
    const fieldPath = ["spec", "routes", index];
    const matchPath = [...fieldPath, "match"];
    const match = typeof route.match === "string" ? route.match : "";
    let expr;
    try {
      expr = parseMatch(match);
    } catch (error) {
      problems.push({ path: matchPath, message: `cannot parse the rule ${code(match, { focus: error instanceof MatchSyntaxError ? error.offset : void 0 })}: ${error.message}` });
    }
    let conjuncts = expr ? toDnf(expr) : void 0;
    if (expr && !conjuncts) {
      conjuncts = [[]];
      approximations.push({ path: matchPath, message: `the rule expands to more than ${DNF_LIMIT} alternatives; it is analyzed as matching every request` });
    }
    return {
      index,
      match,
      expr,
      conjuncts,
      priority: typeof route.priority === "number" ? route.priority : void 0,
      middlewares: listOf(route.middlewares).map((m, i) => crdMiddlewareRef(objectOf(m), resource, [...fieldPath, "middlewares", i])),
      services: listOf(route.services).map((s, i) => {
        const service = objectOf(s);
        return {
          name: nonEmptyString(service.name) ?? "",
          namespace: nonEmptyString(service.namespace) ?? resource.namespace,
          kind: nonEmptyString(service.kind) ?? "Service",
          port: typeof service.port === "number" || typeof service.port === "string" ? service.port : void 0,
          fieldPath: [...fieldPath, "services", i]
        };
      }),
      fieldPath,
      matchPath
    };
  });
  let tls;
  if (isObject(spec.tls)) {
    const options = isObject(spec.tls.options) && nonEmptyString(spec.tls.options.name) ? { name: nonEmptyString(spec.tls.options.name), namespace: nonEmptyString(spec.tls.options.namespace) ?? resource.namespace, fieldPath: ["spec", "tls", "options"], ...scopeOf(resource) } : void 0;
    tls = { secretName: nonEmptyString(spec.tls.secretName), options, certResolver: nonEmptyString(spec.tls.certResolver), fieldPath: ["spec", "tls"] };
  } else if (spec.tls === null) {
    tls = { fieldPath: ["spec", "tls"] };
  }
  return { resource, entryPoints, routes, tls, problems, approximations };
});
var scopeOf = (owner) => owner.scope !== void 0 ? { scope: owner.scope } : {};
function crdMiddlewareRef(raw, owner, fieldPath) {
  const name = nonEmptyString(raw.name) ?? "";
  if (name.includes("@")) return qualifiedRef(name, owner, fieldPath);
  const namespace = nonEmptyString(raw.namespace) ?? owner.namespace;
  return { name, namespace, candidates: [{ namespace, name }], provider: "kubernetescrd", text: `${namespace}/${name}`, fieldPath, ...scopeOf(owner) };
}
function qualifiedRef(text, owner, fieldPath) {
  const ownNamespace = owner.namespace;
  const at = text.lastIndexOf("@");
  const full = at < 0 ? text : text.slice(0, at);
  const provider = at < 0 ? "kubernetescrd" : text.slice(at + 1);
  const candidates = [];
  for (let i = full.indexOf("-"); i > 0; i = full.indexOf("-", i + 1)) candidates.push({ namespace: full.slice(0, i), name: full.slice(i + 1) });
  if (at < 0 || candidates.length === 0) candidates.unshift({ namespace: ownNamespace, name: full });
  return { ...candidates[0], candidates, provider, text, fieldPath, ...scopeOf(owner) };
}
function isMiddleware(resource) {
  return isTraefikKind(resource, "Middleware");
}
var middlewareOf = perResource((resource) => {
  const spec = resource.spec;
  const problems = [];
  const model = { resource, problems };
  const field = isObject(spec.ipAllowList) ? "ipAllowList" : isObject(spec.ipWhiteList) ? "ipWhiteList" : void 0;
  if (field) {
    const raw = objectOf(spec[field]);
    const fieldPath = ["spec", field];
    const sourceRangePath = [...fieldPath, "sourceRange"];
    const ranges = listOf(raw.sourceRange).map((r, i) => {
      const text = String(r).trim();
      const parsed = parseCidr(text);
      if (!parsed) problems.push({ path: [...sourceRangePath, i], message: `${code(text)} is not an IP address or CIDR block` });
      return { text, set: parsed ? IpSet.of([parsed.range]) : IpSet.EMPTY, fieldPath: [...sourceRangePath, i] };
    });
    const strategy = objectOf(raw.ipStrategy);
    const depth = typeof strategy.depth === "number" && strategy.depth > 0;
    const excluded = Array.isArray(strategy.excludedIPs) && strategy.excludedIPs.length > 0;
    model.ipAllowList = {
      field,
      sourceRange: IpSet.unionAll(ranges.map((r) => r.set)),
      ranges,
      trustsForwardedFor: depth || excluded,
      strategyPath: depth ? [...fieldPath, "ipStrategy", "depth"] : excluded ? [...fieldPath, "ipStrategy", "excludedIPs"] : void 0,
      fieldPath,
      sourceRangePath
    };
  }
  if (isObject(spec.basicAuth)) model.basicAuth = { fieldPath: ["spec", "basicAuth"] };
  if (isObject(spec.digestAuth)) model.digestAuth = { fieldPath: ["spec", "digestAuth"] };
  if (isObject(spec.forwardAuth)) model.forwardAuth = { address: nonEmptyString(spec.forwardAuth.address), fieldPath: ["spec", "forwardAuth"] };
  if (isObject(spec.chain)) {
    const fieldPath = ["spec", "chain"];
    model.chain = { middlewares: listOf(spec.chain.middlewares).map((m, i) => crdMiddlewareRef(objectOf(m), resource, [...fieldPath, "middlewares", i])), fieldPath };
  }
  return model;
});
function guardKindsOf(middleware) {
  const kinds = [];
  if (middleware.ipAllowList) kinds.push("ipAllowList");
  if (middleware.basicAuth) kinds.push("basicAuth");
  if (middleware.digestAuth) kinds.push("digestAuth");
  if (middleware.forwardAuth) kinds.push("forwardAuth");
  return kinds;
}
function resolveMiddleware(model, ref) {
  if (ref.provider !== "kubernetescrd") return void 0;
  for (const { namespace, name } of ref.candidates) {
    const resource = lookup(model, { group: TRAEFIK_GROUP, kind: "Middleware", namespace, name }, ref);
    if (resource) return middlewareOf(resource);
  }
  return void 0;
}
function guardsOf(model, refs) {
  const out = [];
  const walk = (ref, via, seen) => {
    const middleware = resolveMiddleware(model, ref);
    if (!middleware || seen.has(middleware.resource.key)) return;
    const path = [...via, ref];
    for (const kind of guardKindsOf(middleware)) out.push({ kind, middleware, via: path });
    const inner = new Set(seen).add(middleware.resource.key);
    for (const next of middleware.chain?.middlewares ?? []) walk(next, path, inner);
  };
  for (const ref of refs) walk(ref, [], /* @__PURE__ */ new Set());
  return out;
}
var CLIENT_AUTH_TYPES = ["NoClientCert", "RequestClientCert", "RequireAnyClientCert", "VerifyClientCertIfGiven", "RequireAndVerifyClientCert"];
function clientAuthRank(type) {
  return CLIENT_AUTH_TYPES.indexOf(type);
}
function isTlsOption(resource) {
  return isTraefikKind(resource, "TLSOption");
}
var tlsOptionOf = perResource((resource) => {
  const problems = [];
  const clientAuth = resource.spec.clientAuth;
  const raw = isObject(clientAuth) ? clientAuth.clientAuthType : void 0;
  let clientAuthType = "NoClientCert";
  if (typeof raw === "string") {
    if (CLIENT_AUTH_TYPES.includes(raw)) clientAuthType = raw;
    else problems.push({ path: ["spec", "clientAuth", "clientAuthType"], message: `unknown clientAuthType ${code(raw)} (${CLIENT_AUTH_TYPES.join(", ")})` });
  }
  const clientAuthPath = typeof raw === "string" ? ["spec", "clientAuth", "clientAuthType"] : isObject(clientAuth) ? ["spec", "clientAuth"] : ["spec"];
  return { resource, clientAuthType, clientAuthPath, problems };
});
function defaultTlsOption(model) {
  let found = defaults.get(model);
  if (found === void 0) {
    const resource = model.resources.find((r) => isTlsOption(r) && r.name === "default");
    found = resource ? tlsOptionOf(resource) : null;
    defaults.set(model, found);
  }
  return found ?? void 0;
}
var defaults = /* @__PURE__ */ new WeakMap();
function tlsOptionFor(model, ref) {
  if (!ref) return defaultTlsOption(model);
  for (const { namespace, name } of ref.candidates ?? [ref]) {
    const resource = lookup(model, { group: TRAEFIK_GROUP, kind: "TLSOption", namespace, name }, ref);
    if (resource) return tlsOptionOf(resource);
  }
  return void 0;
}
function clientAuthFor(model, ref) {
  return tlsOptionFor(model, ref)?.clientAuthType ?? "NoClientCert";
}
var TRAEFIK_ANNOTATION_PREFIX = "traefik.ingress.kubernetes.io/";
var ROUTER_MIDDLEWARES = `${TRAEFIK_ANNOTATION_PREFIX}router.middlewares`;
var ROUTER_TLS = `${TRAEFIK_ANNOTATION_PREFIX}router.tls`;
var ROUTER_TLS_OPTIONS = `${TRAEFIK_ANNOTATION_PREFIX}router.tls.options`;
var ROUTER_ENTRYPOINTS = `${TRAEFIK_ANNOTATION_PREFIX}router.entrypoints`;
var traefikIngressOf = perResource((resource) => {
  if (!isIngress(resource)) return void 0;
  const annotations = resource.annotations();
  const path = (key) => ["metadata", "annotations", key];
  const items = (key) => (annotations[key] ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
  const middlewares = items(ROUTER_MIDDLEWARES).map((text) => qualifiedRef(text, resource, path(ROUTER_MIDDLEWARES)));
  const tlsAnnotation = annotations[ROUTER_TLS]?.trim().toLowerCase() === "true";
  const tlsSection = Array.isArray(resource.spec.tls) && resource.spec.tls.length > 0;
  const optionsText = annotations[ROUTER_TLS_OPTIONS]?.trim();
  let tlsOptions;
  if (optionsText) {
    const ref = qualifiedRef(optionsText, resource, path(ROUTER_TLS_OPTIONS));
    tlsOptions = { name: ref.name, namespace: ref.namespace, candidates: ref.candidates, fieldPath: ref.fieldPath, ...scopeOf(resource) };
  }
  return {
    resource,
    middlewares,
    tls: tlsAnnotation || tlsSection,
    tlsPath: tlsAnnotation ? path(ROUTER_TLS) : tlsSection ? ["spec", "tls"] : void 0,
    tlsOptions,
    entryPoints: annotations[ROUTER_ENTRYPOINTS] === void 0 ? void 0 : items(ROUTER_ENTRYPOINTS)
  };
});
function hasTraefikAnnotations(resource) {
  return Object.keys(resource.annotations()).some((k) => k.startsWith(TRAEFIK_ANNOTATION_PREFIX));
}

// src/model/network-policy.ts
var DIRECTIONS = ["ingress", "egress"];
var PEER_LIST_FIELD = { ingress: "from", egress: "to" };
function isNetworkPolicy(resource) {
  return resource.kind === "NetworkPolicy" && resource.group === "networking.k8s.io";
}
var networkPolicyOf = perDecodedObject(buildNetworkPolicy);
var networkPolicySelectionOf = perDecodedObject(buildSelection);
function buildSelection(resource) {
  const spec = resource.spec;
  const types = Array.isArray(spec.policyTypes) ? spec.policyTypes.map(String) : [];
  const policyTypesExplicit = types.length > 0;
  const isolates = policyTypesExplicit ? { ingress: types.includes("Ingress"), egress: types.includes("Egress") } : { ingress: true, egress: Array.isArray(spec.egress) && spec.egress.length > 0 };
  return { podSelector: parseSelector(spec.podSelector), isolates, policyTypesExplicit };
}
function buildNetworkPolicy(resource) {
  const spec = resource.spec;
  const problems = [];
  const { podSelector, isolates, policyTypesExplicit } = networkPolicySelectionOf(resource);
  if (podSelector.invalid) problems.push({ path: ["spec", "podSelector"], message: podSelector.invalid });
  const rules = { ingress: [], egress: [] };
  for (const direction of DIRECTIONS) {
    const list = spec[direction];
    if (!Array.isArray(list)) continue;
    list.forEach((raw, index) => rules[direction].push(buildRule(direction, index, raw, problems)));
  }
  const types = Array.isArray(spec.policyTypes) ? spec.policyTypes.map(String) : [];
  for (const [i, t] of types.entries()) {
    if (t !== "Ingress" && t !== "Egress") problems.push({ path: ["spec", "policyTypes", i], message: `unknown policyType "${t}"` });
  }
  return { podSelector, isolates, policyTypesExplicit, rules, problems };
}
function buildRule(direction, index, raw, problems) {
  const path = internPath(["spec", direction, index]);
  const rule = isObject(raw) ? raw : {};
  const peerField = PEER_LIST_FIELD[direction];
  const rawPeers = rule[peerField];
  const rawPorts = rule.ports;
  const peers = Array.isArray(rawPeers) && rawPeers.length > 0 ? rawPeers.flatMap((p, i) => buildPeer(p, internPath([...path, peerField, i]), problems)) : "all";
  const ports = Array.isArray(rawPorts) && rawPorts.length > 0 ? rawPorts.map((p, i) => buildPort(p, internPath([...path, "ports", i]), problems)) : "all";
  return { direction, index, peers, ports, path };
}
function buildPeer(raw, path, problems) {
  const peer = isObject(raw) ? raw : {};
  const hasPods = peer.podSelector !== void 0 && peer.podSelector !== null;
  const hasNamespaces = peer.namespaceSelector !== void 0 && peer.namespaceSelector !== null;
  const hasIpBlock = peer.ipBlock !== void 0 && peer.ipBlock !== null;
  if (!hasPods && !hasNamespaces && !hasIpBlock) {
    problems.push({ path, message: "a peer must specify podSelector, namespaceSelector or ipBlock (an empty peer `{}` is rejected)" });
    return [];
  }
  if (hasIpBlock) {
    if (hasPods || hasNamespaces) {
      problems.push({ path, message: "ipBlock cannot be combined with podSelector or namespaceSelector in one peer" });
      return [];
    }
    return buildIpBlock(peer.ipBlock, internPath([...path, "ipBlock"]), problems);
  }
  const pods = parseSelector(peer.podSelector ?? {});
  const namespaces = hasNamespaces ? parseSelector(peer.namespaceSelector) : "own";
  if (pods.invalid) problems.push({ path: [...path, "podSelector"], message: pods.invalid });
  if (namespaces !== "own" && namespaces.invalid) problems.push({ path: [...path, "namespaceSelector"], message: namespaces.invalid });
  return [{ type: "pods", namespaces, pods, combined: hasPods && hasNamespaces, path }];
}
function buildIpBlock(raw, path, problems) {
  const block = isObject(raw) ? raw : {};
  const cidrText2 = typeof block.cidr === "string" ? block.cidr : "";
  const cidr = parseCidr(cidrText2);
  if (!cidr || !cidrText2.includes("/")) {
    problems.push({ path: [...path, "cidr"], message: cidrText2 ? `"${cidrText2}" is not a valid CIDR` : "ipBlock.cidr is required" });
    return [];
  }
  const except = Array.isArray(block.except) ? block.except.map(String) : [];
  const excluded = [];
  except.forEach((text, i) => {
    const cut = parseCidr(text);
    if (!cut || !text.includes("/")) {
      problems.push({ path: [...path, "except", i], message: `"${text}" is not a valid CIDR` });
      return;
    }
    const inside = cut.family === cidr.family && cut.prefix > cidr.prefix && cut.range.start >= cidr.range.start && cut.range.end <= cidr.range.end;
    if (!inside) problems.push({ path: [...path, "except", i], message: `except "${text}" must be a strict subset of cidr "${cidrText2}"` });
    excluded.push(cut.range);
  });
  return [{ type: "ipBlock", cidr: cidrText2, except, addresses: IpSet.of([cidr.range]).subtract(IpSet.of(excluded)), path }];
}
function isPortNumber(value) {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}
function portProblem(field, value) {
  const shown = Number.isNaN(value) ? ".nan" : Number.isFinite(value) ? String(value) : value > 0 ? ".inf" : "-.inf";
  return `${field} ${shown} is not a port: the API server takes an integer from 1 to 65535 (or a port name)`;
}
function buildPort(raw, path, problems) {
  const port = isObject(raw) ? raw : {};
  const protocolText = port.protocol === void 0 || port.protocol === null ? "TCP" : String(port.protocol);
  const protocol = protocolText === "UDP" || protocolText === "SCTP" ? protocolText : "TCP";
  if (protocolText !== protocol) problems.push({ path: [...path, "protocol"], message: `unsupported protocol "${protocolText}" (TCP, UDP or SCTP)` });
  const spec = { protocol, path };
  if (typeof port.port === "number" || typeof port.port === "string") {
    spec.port = typeof port.port === "string" && /^\d+$/.test(port.port) ? Number(port.port) : port.port;
    if (typeof port.port === "string" && /^\d+$/.test(port.port)) {
      problems.push({ path: [...path, "port"], message: `port "${port.port}" is a quoted number, which the API server takes for a port name and rejects (a name needs a letter); write it unquoted` });
    }
    if (typeof spec.port === "number" && !isPortNumber(spec.port)) problems.push({ path: [...path, "port"], message: portProblem("port", spec.port) });
  }
  if (typeof port.endPort === "number") {
    spec.endPort = port.endPort;
    if (!isPortNumber(port.endPort)) {
      problems.push({ path: [...path, "endPort"], message: portProblem("endPort", port.endPort) });
    } else if (typeof spec.port !== "number") {
      problems.push({ path: [...path, "endPort"], message: "endPort requires a numeric port" });
    } else if (port.endPort < spec.port) {
      problems.push({ path: [...path, "endPort"], message: `endPort ${port.endPort} is below port ${spec.port}` });
    }
  }
  return spec;
}

// src/model/admin-network-policy.ts
var ADMIN_POLICY_GROUP = "policy.networking.k8s.io";
var BASELINE_NAME = "default";
var MIN_PRIORITY = 0;
var MAX_PRIORITY = 1e3;
var PRIORITY_PATH = ["spec", "priority"];
var PEER_LIST_FIELD2 = { ingress: "from", egress: "to" };
var PROTOCOLS = ["TCP", "UDP", "SCTP"];
function isAdminNetworkPolicy(resource) {
  return resource.kind === "AdminNetworkPolicy" && resource.group === ADMIN_POLICY_GROUP;
}
function isBaselineAdminNetworkPolicy(resource) {
  return resource.kind === "BaselineAdminNetworkPolicy" && resource.group === ADMIN_POLICY_GROUP;
}
var adminNetworkPolicyOf = perDecodedObject((resource) => {
  const problems = [];
  const raw = resource.spec.priority;
  const priority = typeof raw === "number" && Number.isInteger(raw) ? raw : Number.NaN;
  if (raw === void 0 || raw === null) problems.push({ path: PRIORITY_PATH, message: "spec.priority is required" });
  else if (Number.isNaN(priority) || priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
    problems.push({ path: PRIORITY_PATH, message: `priority ${JSON.stringify(raw)} is not an integer from ${MIN_PRIORITY} to ${MAX_PRIORITY}` });
  }
  return { kind: "AdminNetworkPolicy", priority, priorityPath: PRIORITY_PATH, ...buildCommon(resource.spec, ["Allow", "Deny", "Pass"], problems) };
});
var baselineAdminNetworkPolicyOf = perDecodedObject((resource) => {
  const problems = [];
  if (resource.name !== BASELINE_NAME) {
    problems.push({ path: ["metadata", "name"], message: `a BaselineAdminNetworkPolicy must be named "${BASELINE_NAME}" (it is a singleton), not "${resource.name}"` });
  }
  return { kind: "BaselineAdminNetworkPolicy", ...buildCommon(resource.spec, ["Allow", "Deny"], problems) };
});
function clusterPolicyOf(resource) {
  if (isAdminNetworkPolicy(resource)) return adminNetworkPolicyOf(resource);
  if (isBaselineAdminNetworkPolicy(resource)) return baselineAdminNetworkPolicyOf(resource);
  return void 0;
}
var clusterPoliciesByModel = /* @__PURE__ */ new WeakMap();
function clusterPoliciesOf(model) {
  let policies = clusterPoliciesByModel.get(model);
  if (!policies) {
    const admin = [];
    let baseline;
    for (const resource of model.resources) {
      if (isAdminNetworkPolicy(resource)) admin.push(adminNetworkPolicyOf(resource));
      else if (isBaselineAdminNetworkPolicy(resource) && resource.name === BASELINE_NAME) baseline = baselineAdminNetworkPolicyOf(resource);
    }
    admin.sort((a, b) => sortablePriority(a) - sortablePriority(b));
    policies = { admin, ...baseline ? { baseline } : {} };
    clusterPoliciesByModel.set(model, policies);
  }
  return policies;
}
function sortablePriority(policy) {
  return Number.isNaN(policy.priority) ? Number.POSITIVE_INFINITY : policy.priority;
}
function hasClusterPolicies(policies) {
  return policies.admin.length > 0 || policies.baseline !== void 0;
}
function clusterPolicyList(policies) {
  return policies.baseline ? [...policies.admin, policies.baseline] : policies.admin;
}
function deniesEverything(rule) {
  if (rule.action !== "Deny" || rule.ports !== "all") return false;
  const everyPod = rule.peers.some((p) => p.type === "pods" && selectsEverything(p.namespaces) && selectsEverything(p.pods));
  const everyAddress = rule.direction === "ingress" || rule.peers.some((p) => p.type === "networks" && p.cidrs.some((c) => c.text === "0.0.0.0/0"));
  return everyPod && everyAddress;
}
function coversNamespace(policy, namespaceLabels2) {
  return matches(policy.subject.namespaces, namespaceLabels2) && selectsEverything(policy.subject.pods);
}
function describeClusterPolicy(policy) {
  return `${policy.kind} ${policy.resource.name}`;
}
function buildCommon(spec, actions, problems) {
  const subject = buildSubject(spec.subject, problems);
  const rules = { ingress: [], egress: [] };
  for (const direction of DIRECTIONS) {
    const list = spec[direction];
    if (list === void 0 || list === null) continue;
    if (!Array.isArray(list)) {
      problems.push({ path: ["spec", direction], message: `spec.${direction} is not a list` });
      continue;
    }
    if (list.length > 100) problems.push({ path: ["spec", direction], message: `spec.${direction} has ${list.length} rules; the API server accepts at most 100` });
    list.forEach((raw, index) => rules[direction].push(buildRule2(direction, index, raw, actions, problems)));
  }
  return { subject, rules, problems };
}
function buildSubject(raw, problems) {
  const path = ["spec", "subject"];
  const nothing = { field: "namespaces", namespaces: { constraints: /* @__PURE__ */ new Map(), invalid: "no subject" }, pods: EVERYTHING, path };
  if (!isObject(raw)) {
    problems.push({ path, message: "spec.subject is required" });
    return nothing;
  }
  const [field] = exactlyOne(raw, ["namespaces", "pods"], path, "subject", problems);
  return field === void 0 ? nothing : podSelection(raw, field, path, problems);
}
function podSelection(raw, field, path, problems) {
  if (field === "namespaces") return { field, namespaces: selector(raw.namespaces, [...path, "namespaces"], problems), pods: EVERYTHING, path };
  const pods = isObject(raw.pods) ? raw.pods : {};
  for (const [key, what] of [["namespaceSelector", "namespace"], ["podSelector", "pod"]]) {
    if (pods[key] === void 0 || pods[key] === null) problems.push({ path: [...path, "pods"], message: `pods.${key} is required (write {} for every ${what})` });
  }
  return {
    field: "pods",
    namespaces: selector(pods.namespaceSelector ?? {}, [...path, "pods", "namespaceSelector"], problems),
    pods: selector(pods.podSelector ?? {}, [...path, "pods", "podSelector"], problems),
    path
  };
}
function selector(raw, path, problems) {
  const parsed = parseSelector(raw);
  if (parsed.invalid) problems.push({ path, message: parsed.invalid });
  return parsed;
}
function buildRule2(direction, index, raw, actions, problems) {
  const path = ["spec", direction, index];
  const rule = isObject(raw) ? raw : {};
  const name = typeof rule.name === "string" ? rule.name : "";
  if (name.length > 100) problems.push({ path: [...path, "name"], message: `rule name is ${name.length} characters long; the API server accepts at most 100` });
  const actionPath = [...path, "action"];
  const actionText = typeof rule.action === "string" ? rule.action : "";
  const action = actions.find((a) => a === actionText);
  if (!action) {
    problems.push({
      path: actionPath,
      message: actionText ? `action "${actionText}" is not one of ${actions.join(", ")}` : `the rule has no action (one of ${actions.join(", ")})`
    });
  }
  const peerField = PEER_LIST_FIELD2[direction];
  const rawPeers = rule[peerField];
  const peers = [];
  if (!Array.isArray(rawPeers) || rawPeers.length === 0) {
    problems.push({ path, message: `the rule needs at least one peer in \`${peerField}\`` });
  } else {
    if (rawPeers.length > 100) problems.push({ path: [...path, peerField], message: `\`${peerField}\` has ${rawPeers.length} peers; the API server accepts at most 100` });
    rawPeers.forEach((p, i) => {
      const peer = buildPeer2(direction, p, [...path, peerField, i], problems);
      if (peer) peers.push(peer);
    });
  }
  const rawPorts = rule.ports;
  let ports = "all";
  if (rawPorts !== void 0 && rawPorts !== null) {
    ports = [];
    if (!Array.isArray(rawPorts)) problems.push({ path: [...path, "ports"], message: "ports is not a list" });
    else rawPorts.forEach((p, i) => pushPort(ports, p, [...path, "ports", i], problems));
  }
  return { direction, index, name, action: action ?? "Deny", peers, ports, path, actionPath };
}
var PEER_FIELDS = { ingress: ["namespaces", "pods"], egress: ["namespaces", "pods", "nodes", "networks"] };
function buildPeer2(direction, raw, path, problems) {
  const peer = isObject(raw) ? raw : {};
  for (const field2 of ["nodes", "networks"]) {
    if (direction === "ingress" && peer[field2] !== void 0 && peer[field2] !== null) {
      problems.push({ path: [...path, field2], message: `\`${field2}\` is an egress peer only; an ingress peer takes \`namespaces\` or \`pods\`` });
    }
  }
  const [field] = exactlyOne(peer, PEER_FIELDS[direction], path, `${direction} peer`, problems);
  if (field === "nodes") return { type: "nodes", nodes: selector(peer.nodes, [...path, "nodes"], problems), path };
  if (field === "networks") return buildNetworks(peer.networks, path, problems);
  return field === void 0 ? void 0 : { type: "pods", ...podSelection(peer, field, path, problems) };
}
function exactlyOne(raw, fields, path, what, problems) {
  const set = fields.filter((field) => raw[field] !== void 0 && raw[field] !== null);
  if (set.length === 1) return [set[0]];
  const quoted = (list) => list.map((f) => `\`${f}\``).join(", ");
  problems.push({ path, message: set.length === 0 ? `a ${what} must set one of ${quoted(fields)}` : `a ${what} sets ${quoted(set)}; exactly one of ${quoted(fields)} is allowed` });
  return [];
}
function buildNetworks(raw, path, problems) {
  const listPath = [...path, "networks"];
  const cidrs = [];
  const ranges = [];
  if (!Array.isArray(raw) || raw.length === 0) problems.push({ path: listPath, message: "networks needs at least one CIDR" });
  else {
    if (raw.length > 25) problems.push({ path: listPath, message: `networks has ${raw.length} CIDRs; the API server accepts at most 25` });
    raw.forEach((item, i) => {
      const text = typeof item === "string" ? item : String(item);
      const parsed = parseCidr(text);
      if (!parsed || !text.includes("/")) {
        problems.push({ path: [...listPath, i], message: `"${text}" is not a valid CIDR` });
        return;
      }
      cidrs.push({ text, path: [...listPath, i] });
      ranges.push(parsed.range);
    });
  }
  return { type: "networks", cidrs, addresses: IpSet.of(ranges), path };
}
function pushPort(out, raw, path, problems) {
  const port = isObject(raw) ? raw : {};
  const [field] = exactlyOne(port, ["portNumber", "namedPort", "portRange"], path, "port", problems);
  if (field === void 0) return;
  if (field === "namedPort") {
    if (typeof port.namedPort !== "string" || port.namedPort === "") problems.push({ path: [...path, "namedPort"], message: "namedPort must be a port name" });
    else out.push({ type: "namedPort", name: port.namedPort, path });
    return;
  }
  const fieldPath = [...path, field];
  const body = isObject(port[field]) ? port[field] : {};
  const protocol = protocolOf(body.protocol, fieldPath, problems);
  if (field === "portNumber") {
    const number = portField(body.port, [...fieldPath, "port"], problems);
    if (number !== void 0) out.push({ type: "portNumber", protocol, port: number, path });
    return;
  }
  const start = portField(body.start, [...fieldPath, "start"], problems);
  const end = portField(body.end, [...fieldPath, "end"], problems);
  if (start === void 0 || end === void 0) return;
  if (start >= end) problems.push({ path: fieldPath, message: `portRange start ${start} must be less than end ${end}` });
  out.push({ type: "portRange", protocol, start, end, path });
}
function protocolOf(raw, path, problems) {
  if (raw === void 0 || raw === null) return "TCP";
  if (typeof raw === "string" && PROTOCOLS.includes(raw)) return raw;
  problems.push({ path: [...path, "protocol"], message: `unsupported protocol "${String(raw)}" (TCP, UDP or SCTP)` });
  return "TCP";
}
function portField(raw, path, problems) {
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 1 && raw <= 65535) return raw;
  const field = String(path[path.length - 1]);
  problems.push({ path, message: raw === void 0 || raw === null ? `${field} is required` : `${field} ${JSON.stringify(raw)} is not a port: the API server takes an integer from 1 to 65535` });
  return void 0;
}

// src/model/label-index.ts
var LabelIndex = class {
  byKey = /* @__PURE__ */ new Map();
  add(key, value, position) {
    let byValue = this.byKey.get(key);
    if (!byValue) this.byKey.set(key, byValue = /* @__PURE__ */ new Map());
    const list = byValue.get(value);
    if (list) list.push(position);
    else byValue.set(value, [position]);
  }
  get(key, value) {
    return this.byKey.get(key)?.get(value);
  }
};

// src/model/cilium-policy.ts
var CILIUM_NAMESPACE_LABEL = "kubernetes.io/metadata.name";
function isCiliumPolicy(resource) {
  return resource.group === "cilium.io" && (resource.kind === "CiliumNetworkPolicy" || resource.kind === "CiliumClusterwideNetworkPolicy");
}
function isCiliumModel(policy) {
  return "deny" in policy;
}
var ciliumPolicyOf = perResource(buildDocument);
var RULE_FIELDS = {
  ingress: { allow: "ingress", deny: "ingressDeny", prefix: "from" },
  egress: { allow: "egress", deny: "egressDeny", prefix: "to" }
};
var UNMODELLED_ENTITIES = /* @__PURE__ */ new Set(["host", "remote-node", "kube-apiserver", "health", "init", "unmanaged", "ingress", "none"]);
var ENTITIES = /* @__PURE__ */ new Set(["world", "world-ipv4", "world-ipv6", "cluster", "all", ...UNMODELLED_ENTITIES]);
var UNMODELLED_PEER_FIELDS = ["Requires", "Services", "Nodes", "Groups"];
function buildDocument(resource) {
  const problems = [];
  const approximations = [];
  const clusterwide = resource.kind === "CiliumClusterwideNetworkPolicy";
  const decoder = new Decoder2(resource, clusterwide, problems, approximations);
  const specs = [];
  if (isObject(resource.object.spec)) specs.push({ raw: resource.object.spec, path: ["spec"] });
  const list = resource.object.specs;
  if (Array.isArray(list)) list.forEach((raw, i) => isObject(raw) ? specs.push({ raw, path: ["specs", i] }) : problems.push({ path: ["specs", i], message: "a spec is not an object" }));
  if (specs.length === 0) problems.push({ path: [], message: `a ${resource.kind} needs spec or specs` });
  return { resource, policies: specs.flatMap(({ raw, path }) => decoder.spec(raw, path) ?? []), problems, approximations };
}
var Decoder2 = class {
  constructor(resource, clusterwide, problems, approximations) {
    this.resource = resource;
    this.clusterwide = clusterwide;
    this.problems = problems;
    this.approximations = approximations;
  }
  resource;
  clusterwide;
  problems;
  approximations;
  spec(raw, path) {
    const hasEndpoints = raw.endpointSelector !== void 0 && raw.endpointSelector !== null;
    const hasNodes = raw.nodeSelector !== void 0 && raw.nodeSelector !== null;
    if (hasEndpoints === hasNodes) {
      this.problems.push({ path, message: "a rule needs exactly one of endpointSelector and nodeSelector" });
      return void 0;
    }
    if (hasNodes) {
      this.approximations.push({ path: [...path, "nodeSelector"], message: "a nodeSelector selects nodes (a host policy), which segguard does not model; this rule is ignored" });
      return void 0;
    }
    const subject = this.selector(raw.endpointSelector, [...path, "endpointSelector"], "subject");
    if (subject.entity) {
      this.approximations.push({ path: [...path, "endpointSelector"], message: `an endpointSelector on the reserved label ${code(subject.entity)} selects no pod segguard models; this rule is ignored` });
      return void 0;
    }
    const rules = { ingress: [], egress: [] };
    const deny = { ingress: [], egress: [] };
    for (const direction of DIRECTIONS) {
      const fields = RULE_FIELDS[direction];
      rules[direction] = this.rules(raw[fields.allow], [...path, fields.allow], direction, fields.allow);
      deny[direction] = this.rules(raw[fields.deny], [...path, fields.deny], direction, fields.deny);
    }
    const written = isObject(raw.enableDefaultDeny) ? raw.enableDefaultDeny : {};
    const defaultDenyExplicit = { ingress: typeof written.ingress === "boolean", egress: typeof written.egress === "boolean" };
    const isolates = {
      ingress: typeof written.ingress === "boolean" ? written.ingress : rules.ingress.length + deny.ingress.length > 0,
      egress: typeof written.egress === "boolean" ? written.egress : rules.egress.length + deny.egress.length > 0
    };
    return {
      resource: this.resource,
      specPath: path,
      clusterwide: this.clusterwide,
      podSelector: subject.pods,
      subjectNamespaces: subject.namespaces,
      isolates,
      policyTypesExplicit: defaultDenyExplicit.ingress || defaultDenyExplicit.egress,
      defaultDenyExplicit,
      rules,
      deny,
      problems: []
    };
  }
  rules(raw, path, direction, field) {
    if (raw === void 0 || raw === null) return [];
    if (!Array.isArray(raw)) {
      this.problems.push({ path, message: `${field} is not a list` });
      return [];
    }
    return raw.map((rule, index) => this.rule(isObject(rule) ? rule : {}, [...path, index], direction, field, index));
  }
  rule(raw, path, direction, field, index) {
    const prefix = RULE_FIELDS[direction].prefix;
    const l7 = [];
    const peers = [];
    let hasL3 = false;
    const list = (name) => {
      const value = raw[name];
      if (value === void 0 || value === null || Array.isArray(value) && value.length === 0) return [];
      hasL3 = true;
      if (!Array.isArray(value)) {
        this.problems.push({ path: [...path, name], message: `${name} is not a list` });
        return [];
      }
      return value.map((item, i) => ({ value: item, path: [...path, name, i] }));
    };
    for (const item of list(`${prefix}Endpoints`)) peers.push(...this.endpointPeer(item.value, item.path, `${prefix}Endpoints`));
    for (const item of list(`${prefix}Entities`)) peers.push(...this.entityPeers(item.value, item.path, `${prefix}Entities`));
    for (const item of list(`${prefix}CIDR`)) peers.push(...this.cidrPeer(item.value, [], item.path, `${prefix}CIDR`));
    for (const item of list(`${prefix}CIDRSet`)) {
      const set = isObject(item.value) ? item.value : {};
      if (set.cidr === void 0) {
        this.approximate([...item.path], `a ${prefix}CIDRSet entry without cidr (a cidrGroupRef or selector) is not modelled; it admits no address here`);
        continue;
      }
      peers.push(...this.cidrPeer(set.cidr, Array.isArray(set.except) ? set.except : [], item.path, `${prefix}CIDRSet`, true));
    }
    if (direction === "egress") {
      for (const item of list("toFQDNs")) {
        const name = isObject(item.value) ? String(item.value.matchName ?? item.value.matchPattern ?? "") : "";
        l7.push({ path: item.path, what: `toFQDNs ${name}` });
        peers.push(...worldPeers(item.path, "toFQDNs", void 0));
        this.approximate(item.path, `toFQDNs ${code(name)} is not resolved: it is analyzed as every address outside the cluster on the rule's ports`);
      }
    }
    for (const suffix of UNMODELLED_PEER_FIELDS) {
      if (list(`${prefix}${suffix}`).length > 0) this.approximate([...path, `${prefix}${suffix}`], `${prefix}${suffix} is not modelled; it admits nothing here`);
    }
    if (raw.icmps !== void 0 && raw.icmps !== null) this.approximate([...path, "icmps"], "ICMP rules are not modelled; the rule is analyzed by its other fields alone");
    const ports = this.ports(raw.toPorts, [...path, "toPorts"], l7);
    const anyPeer = !hasL3 && raw.toPorts !== void 0 && raw.toPorts !== null;
    return { direction, index, field, peers: anyPeer ? "all" : peers, ports, path, l7 };
  }
  endpointPeer(raw, path, field) {
    const selector2 = this.selector(raw, path, "peer");
    if (selector2.entity) return this.entity(selector2.entity, path, field);
    return [{ type: "pods", namespaces: selector2.peerNamespaces, pods: selector2.pods, combined: selector2.peerNamespaces !== "own", path, field }];
  }
  entityPeers(raw, path, field) {
    const name = typeof raw === "string" ? raw : "";
    if (!ENTITIES.has(name)) {
      this.problems.push({ path, message: `unknown entity "${String(raw)}"` });
      return [];
    }
    return this.entity(name, path, field);
  }
  entity(name, path, field) {
    const cluster = { type: "pods", namespaces: EVERYTHING, pods: EVERYTHING, combined: false, path, field, entity: name };
    switch (name) {
      case "world":
      case "world-ipv4":
      case "world-ipv6":
        return worldPeers(path, field, name);
      case "cluster":
        return [cluster];
      case "all":
        return [cluster, ...worldPeers(path, field, name)];
      default:
        this.approximate(path, `the entity ${code(name)} stands for no workload or address segguard models; it admits nothing here`);
        return [];
    }
  }
  cidrPeer(raw, rawExcept, path, field, isSet = false) {
    const cidrPath = isSet ? [...path, "cidr"] : path;
    const text = typeof raw === "string" ? raw : "";
    const cidr = parseCidr(text);
    if (!cidr) {
      this.problems.push({ path: cidrPath, message: text ? `"${text}" is not a valid CIDR` : "cidr is required" });
      return [];
    }
    const except = rawExcept.map(String);
    const excluded = [];
    except.forEach((cut, i) => {
      const parsed = parseCidr(cut);
      if (parsed) excluded.push(parsed.range);
      else this.problems.push({ path: [...path, "except", i], message: `"${cut}" is not a valid CIDR` });
    });
    const shown = text.includes("/") ? text : `${text}/${cidr.family === "ipv4" ? 32 : 128}`;
    return [{ type: "ipBlock", cidr: shown, except, addresses: IpSet.of([cidr.range]).subtract(IpSet.of(excluded)), path, field }];
  }
  ports(raw, path, l7) {
    if (raw === void 0 || raw === null) return "all";
    if (!Array.isArray(raw)) {
      this.problems.push({ path, message: "toPorts is not a list" });
      return "all";
    }
    const specs = [];
    let every = false;
    raw.forEach((entry, i) => {
      const portRule = isObject(entry) ? entry : {};
      const rulePath = [...path, i];
      if (isObject(portRule.rules)) {
        for (const kind of Object.keys(portRule.rules)) {
          l7.push({ path: [...rulePath, "rules", kind], what: `L7 ${kind} rules` });
          this.approximate([...rulePath, "rules", kind], `L7 ${code(kind)} rules are not evaluated: the rule is analyzed as allowing every request on its ports`);
        }
      }
      const list = Array.isArray(portRule.ports) ? portRule.ports : [];
      if (list.length === 0) every = true;
      list.forEach((port, j) => specs.push(...this.port(isObject(port) ? port : {}, [...rulePath, "ports", j])));
    });
    return every || raw.length === 0 ? "all" : specs;
  }
  port(raw, path) {
    const protocolText = raw.protocol === void 0 || raw.protocol === null ? "ANY" : String(raw.protocol).toUpperCase();
    const protocols = protocolText === "ANY" ? ["TCP", "UDP", "SCTP"] : protocolText === "TCP" || protocolText === "UDP" || protocolText === "SCTP" ? [protocolText] : [];
    if (protocols.length === 0) {
      this.problems.push({ path: [...path, "protocol"], message: `unsupported protocol "${protocolText}" (TCP, UDP, SCTP or ANY)` });
      return [];
    }
    const text = raw.port === void 0 || raw.port === null ? "0" : String(raw.port);
    let port;
    if (/^\d+$/.test(text)) {
      const number = Number(text);
      if (number > 65535) this.problems.push({ path: [...path, "port"], message: `port ${text} is not a port (0 to 65535)` });
      port = number === 0 ? void 0 : number;
    } else {
      port = text;
    }
    const endPort = typeof raw.endPort === "number" ? raw.endPort : void 0;
    if (endPort !== void 0 && (typeof port !== "number" || endPort < port)) {
      this.problems.push({ path: [...path, "endPort"], message: `endPort ${endPort} needs a numeric port at or below it` });
    }
    return protocols.map((protocol) => ({ protocol, ...port !== void 0 ? { port } : {}, ...endPort !== void 0 && typeof port === "number" && endPort >= port ? { endPort } : {}, path }));
  }
  approximate(path, message) {
    this.approximations.push({ path, message });
  }
  /**
   * Splits a Cilium endpoint selector into pod labels and namespace labels: `k8s:`/`any:` prefixes dropped,
   * `io.kubernetes.pod.namespace` the namespace's name, `io.cilium.k8s.namespace.labels.X` its label X, a
   * `reserved:` label an entity. A peer selector that names no namespace is limited to the policy's namespace
   * (a CNP) or to pods of any namespace (a CCNP), as Cilium's getEndpointSelector does.
   */
  selector(raw, path, role) {
    const pod = {};
    const ns = {};
    const podExpressions = [];
    const nsExpressions = [];
    let entity;
    let namesNamespace = false;
    const place2 = (key) => {
      const colon = key.indexOf(":");
      const source = colon >= 0 ? key.slice(0, colon) : "any";
      const bare = colon >= 0 ? key.slice(colon + 1) : key;
      if (source === "reserved") {
        entity = bare;
        return void 0;
      }
      if (bare === "io.kubernetes.pod.namespace") {
        namesNamespace = true;
        return { target: "ns", key: CILIUM_NAMESPACE_LABEL };
      }
      if (bare.startsWith("io.cilium.k8s.namespace.labels.")) return { target: "ns", key: bare.slice("io.cilium.k8s.namespace.labels.".length) };
      if (bare.startsWith("io.cilium.k8s.policy.")) {
        this.approximate(path, `the label ${code(key)} (a service account or cluster) is not modelled; the selector is analyzed without it`);
        return void 0;
      }
      return { target: "pod", key: bare };
    };
    const object = isObject(raw) ? raw : {};
    if (isObject(object.matchLabels)) {
      for (const [key, value] of Object.entries(object.matchLabels)) {
        const where = place2(key);
        if (where) (where.target === "pod" ? pod : ns)[where.key] = value;
      }
    }
    if (Array.isArray(object.matchExpressions)) {
      for (const expression of object.matchExpressions) {
        if (!isObject(expression) || typeof expression.key !== "string") {
          podExpressions.push(expression);
          continue;
        }
        const where = place2(expression.key);
        if (where) (where.target === "pod" ? podExpressions : nsExpressions).push({ ...expression, key: where.key });
      }
    }
    const pods = parseSelector({ matchLabels: pod, matchExpressions: podExpressions });
    const namespaces = withoutNameExists(parseSelector({ matchLabels: ns, matchExpressions: nsExpressions }));
    for (const selector2 of [pods, namespaces]) if (selector2.invalid) this.problems.push({ path, message: selector2.invalid });
    const named = Object.keys(ns).length + nsExpressions.length > 0;
    const ownNamespace = parseSelector({ matchLabels: { [CILIUM_NAMESPACE_LABEL]: this.resource.namespace } });
    if (role === "subject") {
      return { pods, namespaces: this.clusterwide ? namespaces : named ? intersectSelectors(ownNamespace, namespaces) : ownNamespace, peerNamespaces: "own", entity };
    }
    const peerNamespaces = namesNamespace || this.clusterwide ? namespaces : named ? intersectSelectors(ownNamespace, namespaces) : "own";
    return { pods, namespaces, peerNamespaces, entity };
  }
};
function withoutNameExists(selector2) {
  const name = selector2.constraints.get(CILIUM_NAMESPACE_LABEL);
  if (!name?.complement || name.values.size !== 1 || !name.values.has(ABSENT)) return selector2;
  const constraints = new Map(selector2.constraints);
  constraints.delete(CILIUM_NAMESPACE_LABEL);
  return { ...selector2, constraints };
}
function worldPeers(path, field, entity) {
  const cidrs = entity === "world-ipv4" ? ["0.0.0.0/0"] : entity === "world-ipv6" ? ["::/0"] : ["0.0.0.0/0", "::/0"];
  return cidrs.map((cidr) => ({
    type: "ipBlock",
    cidr,
    except: [],
    addresses: IpSet.of([parseCidr(cidr).range]),
    path,
    field,
    ...entity ? { entity } : {}
  }));
}

// src/model/policy-index.ts
var PolicyIndex = class {
  resourcesByNamespace = /* @__PURE__ */ new Map();
  meanings = /* @__PURE__ */ new Map();
  selections = /* @__PURE__ */ new Map();
  indexes = /* @__PURE__ */ new Map();
  /** The policy objects in model order, without building their meanings. */
  resources;
  /** Whether some policy is a Cilium policy: only then can deny rules or cluster-wide policies apply. */
  hasCilium;
  constructor(resources) {
    const policies = [];
    let hasCilium = false;
    for (const resource of resources) {
      const cilium = isCiliumPolicy(resource);
      if (!cilium && !isNetworkPolicy(resource)) continue;
      hasCilium ||= cilium;
      const list = this.resourcesByNamespace.get(resource.namespace);
      if (list) list.push(resource);
      else this.resourcesByNamespace.set(resource.namespace, [resource]);
      policies.push(resource);
    }
    this.resources = policies;
    this.hasCilium = hasCilium;
  }
  /** The policies of one namespace, in model order. */
  in(namespace) {
    let policies = this.meanings.get(namespace);
    if (!policies) this.meanings.set(namespace, policies = (this.resourcesByNamespace.get(namespace) ?? []).flatMap(policiesOf));
    return policies;
  }
  /**
   * The policies of one namespace (in model order) that `test` accepts by their selection alone: a NetworkPolicy's
   * rules are built only when it is accepted. Asking which policies select some pods is most of what the analysis
   * asks of the policies of a namespace, and most of them select other pods.
   */
  where(namespace, test) {
    return this.candidatesIn(namespace).filter(test).map(meaningOf);
  }
  /** The selections of a namespace's policies, one per meaning `in` gives (a Cilium policy's are its meanings). */
  candidatesIn(namespace) {
    let candidates = this.selections.get(namespace);
    if (!candidates) {
      candidates = (this.resourcesByNamespace.get(namespace) ?? []).flatMap((r) => isCiliumPolicy(r) ? ciliumPolicyOf(r).policies : [networkPolicySelectionOf(r)]);
      this.selections.set(namespace, candidates);
    }
    return candidates;
  }
  /**
   * The policies of a namespace whose podSelector matches `labels`, in model order. Found through an index of
   * the selectors' required `key=value` labels, so asking for each of n label sets does not test every policy
   * n times (5,000 policies that each select their own pods).
   */
  selecting(namespace, labels, nsLabels) {
    const own = this.selectingIn(namespace, labels, nsLabels);
    return this.hasCilium && namespace !== "" && nsLabels ? [...own, ...this.selectingIn("", labels, nsLabels)] : own;
  }
  /**
   * The policies that may select pods of a namespace with labels `nsLabels`: its own, then the cluster-wide Cilium
   * policies whose endpointSelector admits the namespace.
   */
  governing(namespace, nsLabels) {
    const own = this.in(namespace);
    if (!this.hasCilium || namespace === "") return [...own];
    return [...own, ...this.in("").filter((p) => isCiliumModel(p) && matches(p.subjectNamespaces, nsLabels))];
  }
  selectingIn(namespace, labels, nsLabels) {
    const candidates = this.candidatesIn(namespace);
    const selected = [];
    if (candidates.length === 0) return selected;
    let index = this.indexes.get(namespace);
    if (!index) this.indexes.set(namespace, index = indexSelectors(candidates));
    const found = index.unindexed.slice();
    for (const key in labels) {
      const posting = index.byLabel.get(key, labels[key]);
      if (posting) for (const i of posting) found.push(i);
    }
    if (found.length > 1) found.sort((a, b) => a - b);
    for (const i of found) {
      const p = candidates[i];
      if (matches(p.podSelector, labels) && (!nsLabels || !isCiliumCandidate(p) || matches(p.subjectNamespaces, nsLabels))) selected.push(meaningOf(p));
    }
    return selected;
  }
  /** Every policy, in model order (all meanings built). */
  all() {
    return this.resources.flatMap(policiesOf);
  }
};
function isCiliumCandidate(candidate) {
  return "rules" in candidate && isCiliumModel(candidate);
}
function meaningOf(candidate) {
  return "rules" in candidate ? candidate : networkPolicyOf(candidate.resource);
}
function policiesOf(resource) {
  return isCiliumPolicy(resource) ? ciliumPolicyOf(resource).policies : [networkPolicyOf(resource)];
}
var modelIndexes = /* @__PURE__ */ new WeakMap();
function policyIndexOf(model) {
  let index = modelIndexes.get(model);
  if (!index) modelIndexes.set(model, index = new PolicyIndex(model.resources));
  return index;
}
function indexSelectors(policies) {
  const index = { byLabel: new LabelIndex(), unindexed: [] };
  policies.forEach((policy, i) => {
    const required = [...policy.podSelector.constraints].find(([, set2]) => !set2.complement && !set2.values.has(ABSENT));
    if (!required) {
      index.unindexed.push(i);
      return;
    }
    const [key, set] = required;
    for (const value of set.values) index.byLabel.add(key, value, i);
  });
  return index;
}

// src/semantics/connection-set.ts
var PROTOCOLS2 = ["TCP", "UDP", "SCTP"];
var MIN_PORT = 1;
var MAX_PORT = 65535;
var texts = /* @__PURE__ */ new WeakMap();
var FULL = [[MIN_PORT, MAX_PORT]];
var ConnectionSet = class _ConnectionSet {
  constructor(byProtocol) {
    this.byProtocol = byProtocol;
  }
  byProtocol;
  static NONE = new _ConnectionSet(/* @__PURE__ */ new Map());
  static ALL = new _ConnectionSet(new Map(PROTOCOLS2.map((p) => [p, FULL])));
  /** Ports of one protocol; `start`–`end` inclusive (clipped to 1–65535). */
  static of(protocol, start = MIN_PORT, end = MAX_PORT) {
    const lo = Math.max(MIN_PORT, start);
    const hi = Math.min(MAX_PORT, end);
    if (lo > hi) return _ConnectionSet.NONE;
    return new _ConnectionSet(/* @__PURE__ */ new Map([[protocol, [[lo, hi]]]]));
  }
  isEmpty() {
    return this.byProtocol.size === 0;
  }
  isAll() {
    return PROTOCOLS2.every((p) => isFull(this.byProtocol.get(p)));
  }
  ports(protocol) {
    return this.byProtocol.get(protocol) ?? [];
  }
  protocols() {
    return PROTOCOLS2.filter((p) => this.byProtocol.has(p));
  }
  union(other) {
    if (other.isEmpty() || this === other) return this;
    if (this.isEmpty()) return other;
    return this.combine(other, unionIntervals);
  }
  intersect(other) {
    if (this.isEmpty() || other.isEmpty()) return _ConnectionSet.NONE;
    if (this === other) return this;
    return this.combine(other, intersectIntervals);
  }
  subtract(other) {
    if (this.isEmpty() || other.isEmpty()) return this;
    if (this === other) return _ConnectionSet.NONE;
    return this.combine(other, (a, b) => intersectIntervals(a, complement(b)));
  }
  contains(protocol, port) {
    return this.ports(protocol).some(([s, e]) => port >= s && port <= e);
  }
  isSubsetOf(other) {
    return this.subtract(other).isEmpty();
  }
  equals(other) {
    if (this === other) return true;
    if (this.byProtocol.size !== other.byProtocol.size) return false;
    for (const [p, a] of this.byProtocol) {
      const b = other.byProtocol.get(p);
      if (!b || a.length !== b.length || a.some(([s, e], i) => s !== b[i][0] || e !== b[i][1])) return false;
    }
    return true;
  }
  /**
   * np-guard's form: `All Connections`, `No Connections`, or `TCP 80,8080-8090,UDP 53` (protocols in byte order).
   * Written once per set: a change of 260,000 address ranges quotes the same few sets for each of them.
   */
  toString() {
    let text = texts.get(this);
    if (text === void 0) {
      text = this.isEmpty() ? "No Connections" : this.isAll() ? "All Connections" : [...this.byProtocol].map(([p, intervals]) => `${p} ${intervals.map(([s, e]) => s === e ? `${s}` : `${s}-${e}`).join(",")}`).sort().join(",");
      texts.set(this, text);
    }
    return text;
  }
  combine(other, op) {
    const out = /* @__PURE__ */ new Map();
    for (const p of PROTOCOLS2) {
      const result = op(this.byProtocol.get(p) ?? [], other.byProtocol.get(p) ?? []);
      if (result.length > 0) out.set(p, result);
    }
    return new _ConnectionSet(out);
  }
};
function isFull(intervals) {
  return intervals !== void 0 && intervals.length === 1 && intervals[0][0] === MIN_PORT && intervals[0][1] === MAX_PORT;
}
function unionIntervals(a, b) {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const sorted2 = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const [s, e] of sorted2) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
function intersectIntervals(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i][0], b[j][0]);
    const e = Math.min(a[i][1], b[j][1]);
    if (s <= e) out.push([s, e]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}
function complement(a) {
  const out = [];
  let next = MIN_PORT;
  for (const [s, e] of a) {
    if (s > next) out.push([next, s - 1]);
    next = e + 1;
  }
  if (next <= MAX_PORT) out.push([next, MAX_PORT]);
  return out;
}

// src/semantics/admin-tiers.ts
var UNDECIDED = { allow: ConnectionSet.NONE, deny: ConnectionSet.NONE, decided: ConnectionSet.NONE };
function decide(verdict, action, conns) {
  const fresh = conns.subtract(verdict.decided);
  if (fresh.isEmpty()) return { verdict, decided: fresh };
  return {
    verdict: {
      allow: action === "Allow" ? verdict.allow.union(fresh) : verdict.allow,
      deny: action === "Deny" ? verdict.deny.union(fresh) : verdict.deny,
      decided: verdict.decided.union(fresh)
    },
    decided: fresh
  };
}
function ruleVerdict(refs, dstPorts) {
  let verdict = UNDECIDED;
  for (const { rule } of refs) {
    verdict = decide(verdict, rule.action, adminRuleConnections(rule, dstPorts)).verdict;
    if (verdict.decided.isAll()) break;
  }
  return verdict;
}
function tiered(admin, lower) {
  if (admin.allow.isEmpty()) return lower.subtract(admin.deny);
  return admin.allow.union(lower.subtract(admin.allow.union(admin.deny)));
}
function baselineAllows(baseline) {
  return baseline.deny.isEmpty() ? ConnectionSet.ALL : ConnectionSet.ALL.subtract(baseline.deny);
}
var ruleConnections = /* @__PURE__ */ new WeakMap();
var NO_PORTS = [];
function adminRuleConnections(rule, dstPorts) {
  if (rule.ports === "all") return ConnectionSet.ALL;
  const ports = dstPorts ?? NO_PORTS;
  let cached = ruleConnections.get(rule);
  if (cached instanceof ConnectionSet) return cached;
  const known = cached?.get(ports);
  if (known) return known;
  const conns = adminPortConnections(rule.ports, ports);
  if (!hasNamedPort(rule)) ruleConnections.set(rule, conns);
  else {
    if (!cached) ruleConnections.set(rule, cached = /* @__PURE__ */ new WeakMap());
    cached.set(ports, conns);
  }
  return conns;
}
function adminPortConnections(ports, dstPorts) {
  let conns = ConnectionSet.NONE;
  for (const port of ports) {
    if (port.type === "portNumber") conns = conns.union(ConnectionSet.of(port.protocol, port.port, port.port));
    else if (port.type === "portRange") conns = conns.union(ConnectionSet.of(port.protocol, port.start, port.end));
    else {
      for (const p of dstPorts) if (p.name === port.name) conns = conns.union(ConnectionSet.of(p.protocol, p.port, p.port));
    }
  }
  return conns;
}
function hasNamedPort(rule) {
  return rule.ports !== "all" && rule.ports.some((p) => p.type === "namedPort");
}
function networksPeerAt(peers, range) {
  if (range.family !== "ipv4") return void 0;
  for (let i = 0; i < peers.length; i++) {
    const peer = peers[i];
    if (peer.type === "networks" && peer.addresses.ranges.some((r) => r.family === "ipv4" && r.start <= range.start && range.start <= r.end)) return i;
  }
  return void 0;
}
function clusterPolicyWarnings(policies) {
  const warnings = [];
  const byPriority = /* @__PURE__ */ new Map();
  for (const policy of policies) {
    const name = describeClusterPolicy(policy);
    if (policy.kind === "AdminNetworkPolicy" && !Number.isNaN(policy.priority)) {
      const other = byPriority.get(policy.priority);
      if (other !== void 0) {
        warnings.push(`AdminNetworkPolicies ${other} and ${policy.resource.name} have the same priority ${policy.priority}: which one is evaluated first is undefined (they are evaluated in file order here)`);
      } else {
        byPriority.set(policy.priority, policy.resource.name);
      }
    }
    for (const rule of [...policy.rules.ingress, ...policy.rules.egress]) {
      const where = `${name}, ${rule.direction} rule ${JSON.stringify(rule.name)}`;
      if (rule.peers.some((p) => p.type === "nodes")) warnings.push(`${where}: \`nodes\` peers are not modelled (they match nothing)`);
      if (rule.peers.some((p) => p.type === "networks" && p.addresses.ranges.some((r) => r.family === "ipv6"))) {
        warnings.push(`${where}: IPv6 \`networks\` are not modelled (they match nothing)`);
      }
    }
  }
  return warnings;
}

// src/semantics/ip-blocks.ts
var IPV4_END = (1n << 32n) - 1n;
var ALL_IPV4 = { family: "ipv4", start: 0n, end: IPV4_END };
function disjointBlocks(sets) {
  const cuts = /* @__PURE__ */ new Set([0n, IPV4_END + 1n]);
  for (const set of sets) {
    for (const r of set.ranges) {
      if (r.family !== "ipv4") continue;
      cuts.add(r.start);
      cuts.add(r.end + 1n);
    }
  }
  const sorted2 = sortedUnique([...cuts]);
  const blocks = [];
  for (let i = 0; i + 1 < sorted2.length; i++) blocks.push({ family: "ipv4", start: sorted2[i], end: sorted2[i + 1] - 1n });
  return blocks;
}
function rangeName(range) {
  return `${formatAddress(range.family, range.start)}-${formatAddress(range.family, range.end)}[External]`;
}
function unionSpans(spans) {
  const pieces = spans.filter((s) => s.range.family === "ipv4").map((s) => ({ range: s.range, value: s.conns }));
  return overlay(pieces, (a, b) => a.union(b), (a, b) => a.equals(b)).filter((p) => !p.value.isEmpty()).map((p) => ({ range: p.range, conns: p.value }));
}
function overlay(pieces, combine, same) {
  const out = [];
  for (const family of ["ipv4", "ipv6"]) {
    const own = pieces.filter((p) => p.range.family === family);
    if (own.length === 0) continue;
    const disjoint = family === "ipv4" ? disjointIpv4(own) : void 0;
    if (disjoint) {
      for (const piece of disjoint) appendMerged(out, piece.range, piece.value, same);
      continue;
    }
    const edges = family === "ipv4" ? ipv4Edges(own) : ipv6Edges(own);
    const leaves = edges.count - 1;
    let width = 1;
    while (width < leaves) width *= 2;
    const tree = new Array(2 * width);
    const paint = (node, value) => {
      const had = tree[node];
      tree[node] = had === void 0 ? value : combine(had, value);
    };
    for (let p = 0; p < own.length; p++) {
      const value = own[p].value;
      for (let lo = edges.startIndex(p) + width, hi = edges.endIndex(p) + width; lo < hi; lo >>= 1, hi >>= 1) {
        if (lo & 1) paint(lo++, value);
        if (hi & 1) paint(--hi, value);
      }
    }
    for (let node = 1; node < width; node++) {
      const value = tree[node];
      if (value === void 0) continue;
      paint(2 * node, value);
      paint(2 * node + 1, value);
    }
    for (let i = 0; i < leaves; i++) {
      const value = tree[width + i];
      if (value === void 0) continue;
      appendMerged(out, { family, start: edges.at(i), end: edges.at(i + 1) - 1n }, value, same);
    }
  }
  return out;
}
function appendMerged(out, range, value, same) {
  const last = out[out.length - 1];
  if (last && last.range.family === range.family && last.range.end + 1n === range.start && same(last.value, value)) {
    last.range = { family: range.family, start: last.range.start, end: range.end };
  } else out.push({ range, value });
}
var INDEX_BITS = 2 ** 21;
function disjointIpv4(pieces) {
  if (pieces.length >= INDEX_BITS) return void 0;
  const keys2 = new Float64Array(pieces.length);
  for (let i = 0; i < pieces.length; i++) keys2[i] = Number(pieces[i].range.start) * INDEX_BITS + i;
  keys2.sort();
  const sorted2 = new Array(pieces.length);
  for (let i = 0; i < keys2.length; i++) {
    const piece = pieces[keys2[i] % INDEX_BITS];
    if (i > 0 && piece.range.start <= sorted2[i - 1].range.end) return void 0;
    sorted2[i] = piece;
  }
  return sorted2;
}
function ipv4Edges(pieces) {
  const all = new Float64Array(2 * pieces.length);
  for (let p = 0; p < pieces.length; p++) {
    all[2 * p] = Number(pieces[p].range.start);
    all[2 * p + 1] = Number(pieces[p].range.end) + 1;
  }
  all.sort();
  let count = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[count++] = all[i];
  const keys2 = all.subarray(0, count);
  return {
    count,
    at: (index) => BigInt(keys2[index]),
    startIndex: (piece) => indexIn(keys2, Number(pieces[piece].range.start)),
    endIndex: (piece) => indexIn(keys2, Number(pieces[piece].range.end) + 1)
  };
}
function indexIn(keys2, key) {
  let lo = 0;
  let hi = keys2.length - 1;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (keys2[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function ipv6Edges(pieces) {
  const keys2 = sortedUnique(pieces.flatMap((p) => [p.range.start, p.range.end + 1n]));
  const indexOf = new Map(keys2.map((e, i) => [e, i]));
  return {
    count: keys2.length,
    at: (index) => keys2[index],
    startIndex: (piece) => indexOf.get(pieces[piece].range.start),
    endIndex: (piece) => indexOf.get(pieces[piece].range.end + 1n)
  };
}
function paintedAt(painted, family, address) {
  const found = family === "ipv4" ? painted[firstEndingAtOrAfterIpv4(ipv4EndsOf(painted), Number(address))] : painted[firstEndingAtOrAfter(painted, (p) => p.range, family, address)];
  return found && found.range.family === family && found.range.start <= address ? found : void 0;
}
var ipv4Ends = /* @__PURE__ */ new WeakMap();
function ipv4EndsOf(painted) {
  let ends = ipv4Ends.get(painted);
  if (!ends) {
    let count = 0;
    while (count < painted.length && painted[count].range.family === "ipv4") count++;
    ends = new Float64Array(count);
    for (let i = 0; i < count; i++) ends[i] = Number(painted[i].range.end);
    ipv4Ends.set(painted, ends);
  }
  return ends;
}
function firstEndingAtOrAfterIpv4(ends, address) {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (ends[mid] < address) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function sortedUnique(values) {
  values.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  return values.filter((v, i) => i === 0 || v !== values[i - 1]);
}
function coversAllIpv4(spans) {
  let next = 0n;
  for (const { range } of spans) {
    if (range.family !== "ipv4" || range.start !== next) return false;
    next = range.end + 1n;
  }
  return next === IPV4_END + 1n;
}

// src/semantics/cilium.ts
function enforcedPolicies(selecting, direction) {
  const isolating = selecting.filter((p) => p.isolates[direction]);
  if (isolating.length === 0 || isolating.length === selecting.length) return isolating;
  return selecting.filter((p) => p.isolates[direction] || isCiliumModel(p) && p.rules[direction].length > 0);
}
function denyRulesOf(policy, direction) {
  return isCiliumModel(policy) ? policy.deny[direction] : [];
}
var DenyRules = class {
  /** `classes`: the connectivity's pod classes, read when a deny row is first built. */
  constructor(policies, classes) {
    this.policies = policies;
    this.classes = classes;
  }
  policies;
  classes;
  byClass = { ingress: [], egress: [] };
  spanCache = { ingress: [], egress: [] };
  rows = { ingress: [], egress: [] };
  ruleMatches = /* @__PURE__ */ new WeakMap();
  /**
   * What the deny rules of `self` forbid with the pods of class `other`: from a row built once per class, so a
   * pair costs a few unions, not a test of every deny rule (1,000 cluster-wide rules over 1,000 classes).
   */
  deniedPods(direction, self, other, dst) {
    const refs = this.rulesFor(direction, self);
    if (refs.length === 0) return ConnectionSet.NONE;
    const row = this.rows[direction][self.index] ??= this.buildRow(direction, self, refs);
    if (row === "per-destination") return this.denied(direction, self, { type: "pods", cls: this.classes[other] }, { type: "pods", cls: dst });
    const excluded = row.excludedBy.get(other);
    let conns;
    if (!excluded) conns = row.prefix[row.prefix.length - 1] ?? ConnectionSet.NONE;
    else if (excluded.length === 1) conns = (row.prefix[excluded[0] - 1] ?? ConnectionSet.NONE).union(row.suffix[excluded[0] + 1] ?? ConnectionSet.NONE);
    else conns = row.most.reduce((set, c, i) => excluded.includes(i) ? set : set.union(c), ConnectionSet.NONE);
    return conns.union(row.listed.get(other) ?? ConnectionSet.NONE);
  }
  buildRow(direction, self, refs) {
    if (direction === "egress" && refs.some(({ rule }) => rule.ports !== "all" && rule.ports.some((p) => typeof p.port === "string"))) return "per-destination";
    const row = { most: [], prefix: [], suffix: [], excludedBy: /* @__PURE__ */ new Map(), listed: /* @__PURE__ */ new Map() };
    const selfEndpoint = { type: "pods", cls: self };
    for (const { policy, rule } of refs) {
      const conns = ruleConnections2(rule, selfEndpoint);
      if (conns.isEmpty()) continue;
      const match = this.matchOf(policy, rule);
      if (match.complement) {
        for (const c of match.classes) pushTo(row.excludedBy, c, row.most.length);
        row.most.push(conns);
      } else {
        for (const c of match.classes) row.listed.set(c, (row.listed.get(c) ?? ConnectionSet.NONE).union(conns));
      }
    }
    row.most.forEach((c, i) => row.prefix.push(i === 0 ? c : row.prefix[i - 1].union(c)));
    for (let i = row.most.length - 1; i >= 0; i--) row.suffix[i] = i === row.most.length - 1 ? row.most[i] : row.most[i].union(row.suffix[i + 1]);
    return row;
  }
  /** The classes a deny rule's peers match, or (when fewer) those they do not: computed once per rule. */
  matchOf(policy, rule) {
    let match = this.ruleMatches.get(rule);
    if (!match) {
      const matched = /* @__PURE__ */ new Set();
      const missed = /* @__PURE__ */ new Set();
      for (const cls of this.classes) {
        const hit = rule.peers === "all" || rule.peers.some((peer) => peer.type === "pods" && podPeerMatches(policy, peer, cls));
        (hit ? matched : missed).add(cls.index);
      }
      match = matched.size > missed.size ? { complement: true, classes: missed } : { complement: false, classes: matched };
      this.ruleMatches.set(rule, match);
    }
    return match;
  }
  /** The deny rules of the Cilium policies selecting `self` in `direction` (enforced even without default deny). */
  rulesFor(direction, self) {
    if (!this.policies.hasCilium) return [];
    let refs = this.byClass[direction][self.index];
    if (!refs) {
      refs = this.policies.selecting(self.namespace, self.labels, self.nsLabels).flatMap((policy) => isCiliumModel(policy) ? policy.deny[direction].map((rule) => ({ policy, rule })) : []);
      this.byClass[direction][self.index] = refs;
    }
    return refs;
  }
  /** What the deny rules of `self` forbid with `other` (`dst` resolves named ports). */
  denied(direction, self, other, dst) {
    let out = ConnectionSet.NONE;
    for (const ref of this.denying(direction, self, other)) out = out.union(ruleConnections2(ref.rule, dst));
    return out;
  }
  /** The deny rules of `self` whose peers include `other`. */
  denying(direction, self, other) {
    return this.rulesFor(direction, self).filter(({ policy, rule }) => rule.peers === "all" || rule.peers.some((peer) => other.type === "ip" ? peer.type === "ipBlock" && peer.addresses.contains(other.range.family, other.range.start) : peer.type === "pods" && podPeerMatches(policy, peer, other.cls)));
  }
  /** `spans` without what the deny rules of `self` forbid with external addresses. */
  withoutDenied(direction, self, spans) {
    const refs = this.rulesFor(direction, self);
    if (refs.length === 0) return spans;
    let denied = this.spanCache[direction][self.index];
    if (!denied) {
      const dst = direction === "ingress" ? { type: "pods", cls: self } : { type: "ip", range: ALL_IPV4 };
      const pieces = [];
      for (const { rule } of refs) {
        const conns = ruleConnections2(rule, dst);
        if (rule.peers === "all") pieces.push({ range: ALL_IPV4, conns });
        else for (const peer of rule.peers) if (peer.type === "ipBlock") for (const range of peer.addresses.ranges) pieces.push({ range, conns });
      }
      this.spanCache[direction][self.index] = denied = unionSpans(pieces);
    }
    return subtractSpans(spans, denied);
  }
};
function podPeerMatches(policy, peer, cls) {
  const inNamespace = peer.namespaces === "own" ? cls.namespace === policy.resource.namespace : matches(peer.namespaces, cls.nsLabels);
  return inNamespace && matches(peer.pods, cls.labels);
}
function subtractSpans(spans, denied) {
  if (denied.length === 0) return [...spans];
  const pieces = [
    ...spans.map((s) => ({ range: s.range, value: { allow: s.conns, deny: ConnectionSet.NONE } })),
    ...denied.map((s) => ({ range: s.range, value: { allow: ConnectionSet.NONE, deny: s.conns } }))
  ];
  const painted = overlay(
    pieces,
    (a, b) => ({ allow: a.allow.union(b.allow), deny: a.deny.union(b.deny) }),
    (a, b) => a.allow.equals(b.allow) && a.deny.equals(b.deny)
  );
  return unionSpans(painted.map((p) => ({ range: p.range, conns: p.value.allow.subtract(p.value.deny) })));
}
function ciliumRuleCause(policy, direction, index, peerIndex, isNew) {
  const rule = policy.rules[direction][index];
  const peer = peerIndex === void 0 || rule.peers === "all" ? void 0 : rule.peers[peerIndex];
  const which = peer ? `, ${peer.field}${peer.entity ? ` ${peer.entity}` : ""}` : rule.peers === "all" ? ` (every ${direction === "ingress" ? "source" : "destination"})` : "";
  return {
    path: peer?.path ?? rule.path,
    what: `${rule.field} rule ${index}${which} of ${isNew ? "new " : ""}${policyLabel(policy)}`
  };
}
function subjectPath(policy) {
  return isCiliumModel(policy) ? [...policy.specPath, "endpointSelector"] : ["spec", "podSelector"];
}
function policyLabel(policy) {
  const spec = isCiliumModel(policy) && policy.specPath[0] === "specs" ? ` (specs[${policy.specPath[1]}])` : "";
  return `${resourceLabel(policy.resource)}${spec}`;
}
function resourceLabel(resource) {
  return `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ""}${resource.name}`;
}
function ciliumUnisolation(policy, now, direction) {
  const name = policyLabel(policy);
  const same = isCiliumPolicy(now) ? ciliumPolicyOf(now).policies.find((p) => formatFieldPath(p.specPath) === formatFieldPath(policy.specPath)) : void 0;
  if (!same) return { reason: `${name} no longer has this rule`, headPlace: { resource: now, path: [], side: "head" } };
  if (!same.isolates[direction]) {
    const written = same.defaultDenyExplicit[direction];
    return {
      reason: written ? `${name} sets enableDefaultDeny.${direction} to false` : `${name} no longer has ${direction} rules`,
      headPlace: { resource: now, path: written ? [...same.specPath, "enableDefaultDeny", direction] : same.specPath, side: "head" }
    };
  }
  return { reason: `the endpointSelector of ${name} no longer selects it`, headPlace: { resource: now, path: [...same.specPath, "endpointSelector"], side: "head" } };
}
function liftedDenyCause(base, direction, self, other, dst, added) {
  const ref = base.denying(direction, self, other).find(({ rule: rule2 }) => !ruleConnections2(rule2, dst).intersect(added).isEmpty());
  if (!ref) return void 0;
  const { policy, rule } = ref;
  return {
    key: `deny:${policy.resource.key}:${formatFieldPath(rule.path)}`,
    resource: policy.resource,
    path: rule.path,
    side: "base",
    what: `the ${rule.field} rule ${rule.index} of ${policyLabel(policy)} in base, which denied them`,
    related: []
  };
}

// src/semantics/pod-key.ts
var keys = /* @__PURE__ */ new WeakMap();
function podKey(labels, ports) {
  const known = keys.get(labels);
  if (known?.ports === ports) return known.key;
  const sortedLabels = Object.keys(labels).sort().map((k) => [k, labels[k]]);
  const key = JSON.stringify([sortedLabels, ports]);
  keys.set(labels, { ports, key });
  return key;
}

// src/semantics/topology.ts
var NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
var TEMPLATE_PATHS = /* @__PURE__ */ new Map([
  ["Deployment", ["spec", "template"]],
  ["StatefulSet", ["spec", "template"]],
  ["DaemonSet", ["spec", "template"]],
  ["ReplicaSet", ["spec", "template"]],
  ["ReplicationController", ["spec", "template"]],
  ["Job", ["spec", "template"]],
  ["CronJob", ["spec", "jobTemplate", "spec", "template"]]
]);
var TEMPLATE_LABELS_PATHS = new Map(
  [...TEMPLATE_PATHS].map(([kind, path]) => [kind, internPath([...path, "metadata", "labels"])])
);
var isPod = (r) => r.kind === "Pod" && r.group === "";
var isController = (r) => TEMPLATE_PATHS.has(r.kind) && (r.group === "apps" || r.group === "batch" || r.group === "" || r.group === "extensions");
var isService = (r) => r.kind === "Service" && r.group === "";
function definesBackends(r) {
  return isPod(r) || isController(r) || isService(r);
}
var topologies = /* @__PURE__ */ new WeakMap();
function buildTopology(model) {
  let topology = topologies.get(model);
  if (!topology) topologies.set(model, topology = computeTopology(model));
  return topology;
}
function computeTopology(model) {
  const workloads = [];
  const byId = /* @__PURE__ */ new Map();
  const declared = /* @__PURE__ */ new Map();
  const services = [];
  const entries = [];
  const podsOf = /* @__PURE__ */ new Map();
  const add = (w) => {
    const pods = podsOf.get(w.id);
    if (pods) pods.push(...w.resources);
    else if (byId.has(w.id)) podsOf.set(w.id, [...byId.get(w.id).resources, ...w.resources]);
    else {
      byId.set(w.id, w);
      workloads.push(w);
    }
  };
  for (const r of model.resources) {
    if (r.kind === "Namespace" && r.group === "") {
      declared.set(r.name, { ...r.labels(), [NAMESPACE_NAME_LABEL]: r.name });
    } else if (isPod(r)) {
      add(workloadOfPod(r));
    } else if (isController(r)) {
      add(workloadOfController(r));
    } else if (isService(r)) {
      services.push(serviceOf(r));
    } else if (isIngress(r)) {
      entries.push(...entriesOfIngress(r));
    } else if (r.kind === "Route" && r.group === "route.openshift.io") {
      entries.push(...entriesOfRoute(r));
    }
  }
  if (podsOf.size > 0) {
    workloads.forEach((w, i) => {
      const resources = podsOf.get(w.id);
      if (resources) byId.set(w.id, workloads[i] = { ...w, resources });
    });
  }
  const namespaces = new Map(declared);
  const undeclaredNamespaces = /* @__PURE__ */ new Set();
  const reference = (ns) => {
    if (namespaces.has(ns)) return;
    namespaces.set(ns, { [NAMESPACE_NAME_LABEL]: ns });
    undeclaredNamespaces.add(ns);
  };
  for (const w of workloads) reference(w.namespace);
  for (const r of model.resources) if (r.namespace && (r.kind === "NetworkPolicy" || r.kind === "CiliumNetworkPolicy")) reference(r.namespace);
  return { workloads, byId, namespaces, undeclaredNamespaces, services, entries };
}
var workloadIndexes = /* @__PURE__ */ new WeakMap();
function workloadsIn(topology, namespace) {
  let index = workloadIndexes.get(topology);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const w of topology.workloads) {
      const list = index.get(w.namespace);
      if (list) list.push(w);
      else index.set(w.namespace, [w]);
    }
    workloadIndexes.set(topology, index);
  }
  return index.get(namespace) ?? [];
}
function serviceSelects(service, workload) {
  const selector2 = service.selector;
  if (!selector2 || workload.namespace !== service.namespace) return false;
  let any = false;
  for (const key in selector2) {
    if (workload.labels[key] !== selector2[key]) return false;
    any = true;
  }
  return any;
}
var serviceIndexes = /* @__PURE__ */ new WeakMap();
function serviceNamed(topology, namespace, name) {
  let index = serviceIndexes.get(topology);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const s of topology.services) {
      let byName = index.get(s.namespace);
      if (!byName) index.set(s.namespace, byName = /* @__PURE__ */ new Map());
      byName.set(s.name, s);
    }
    serviceIndexes.set(topology, index);
  }
  return index.get(namespace)?.get(name);
}
var POD_LABELS_PATH = internPath(["metadata", "labels"]);
var workloadOfPod = perResource((r) => {
  const metadata = isObject(r.object.metadata) ? r.object.metadata : {};
  const owners = Array.isArray(metadata.ownerReferences) ? metadata.ownerReferences : [];
  const owner = owners.find((o) => isObject(o) && o.controller === true);
  let name = r.name;
  let kind = "Pod";
  if (isObject(owner) && owner.kind !== "Node" && typeof owner.name === "string") {
    name = owner.name;
    kind = typeof owner.kind === "string" && owner.kind !== "" ? owner.kind : "Pod";
  }
  const { labels, ports } = podPartsOf(r);
  return { id: workloadId(r.namespace, name, kind), name, namespace: r.namespace, kind, labels, ports, resources: [r], labelsPath: POD_LABELS_PATH };
});
var workloadOfController = perResource((r) => {
  const { labels, ports } = templatePartsOf(r);
  return {
    id: workloadId(r.namespace, r.name, r.kind),
    name: r.name,
    namespace: r.namespace,
    kind: r.kind,
    labels,
    ports,
    resources: [r],
    labelsPath: TEMPLATE_LABELS_PATHS.get(r.kind)
  };
});
var podPartsOf = perObject((r) => ({ labels: r.labels(), ports: containerPorts(r.spec) }));
var templatePartsOf = perObject((r) => {
  let template = r.object;
  for (const step of TEMPLATE_PATHS.get(r.kind)) template = isObject(template) ? template[step] : void 0;
  const tpl = isObject(template) ? template : {};
  const metadata = isObject(tpl.metadata) ? tpl.metadata : {};
  const labels = {};
  if (isObject(metadata.labels)) for (const [k, v] of Object.entries(metadata.labels)) labels[k] = v === null ? "" : String(v);
  return { labels, ports: containerPorts(isObject(tpl.spec) ? tpl.spec : {}) };
});
function workloadId(namespace, name, kind) {
  return [namespace, "/", name, "[", kind, "]"].join("");
}
function containerPorts(podSpec) {
  const ports = [];
  for (const c of Array.isArray(podSpec.containers) ? podSpec.containers : []) {
    if (!isObject(c) || !Array.isArray(c.ports)) continue;
    for (const p of c.ports) {
      if (!isObject(p) || typeof p.containerPort !== "number") continue;
      const protocol = p.protocol === "UDP" || p.protocol === "SCTP" ? p.protocol : "TCP";
      ports.push({ ...typeof p.name === "string" && p.name !== "" ? { name: p.name } : {}, port: p.containerPort, protocol });
    }
  }
  return ports.slice();
}
var serviceOf = perResource((r) => {
  const spec = r.spec;
  let selector2;
  if (isObject(spec.selector)) {
    selector2 = {};
    for (const [k, v] of Object.entries(spec.selector)) selector2[k] = v === null ? "" : String(v);
  }
  const ports = (Array.isArray(spec.ports) ? spec.ports : []).filter(isObject).map((p) => ({
    ...typeof p.name === "string" && p.name !== "" ? { name: p.name } : {},
    ...typeof p.port === "number" ? { port: p.port } : {},
    ...typeof p.targetPort === "number" || typeof p.targetPort === "string" && p.targetPort !== "" ? { targetPort: typeof p.targetPort === "string" && /^\d+$/.test(p.targetPort) ? Number(p.targetPort) : p.targetPort } : {}
  }));
  return { namespace: r.namespace, name: r.name, selector: selector2, ports, resource: r };
});
var entriesOfIngress = perResource((r) => {
  const model = ingressOf(r);
  const out = [];
  const push2 = (service, port, path, route) => {
    if (service) out.push({ resource: r, path, namespace: r.namespace, service, ...port !== void 0 ? { port } : {}, route });
  };
  if (model.defaultBackend) push2(model.defaultBackend.service, model.defaultBackend.port, model.defaultBackend.path, "* (default backend)");
  for (const rule of model.rules) {
    for (const p of rule.paths) push2(p.backend.service, p.backend.port, p.backend.path, `${rule.host ?? "*"}${p.path}`);
  }
  return out;
});
var entriesOfRoute = perResource((r) => {
  const spec = r.spec;
  const port = isObject(spec.port) && (typeof spec.port.targetPort === "number" || typeof spec.port.targetPort === "string") ? spec.port.targetPort : void 0;
  const route = `${typeof spec.host === "string" && spec.host !== "" ? spec.host : "*"}${typeof spec.path === "string" ? spec.path : ""}`;
  const out = [];
  const push2 = (target, path) => {
    if (!isObject(target) || typeof target.name !== "string") return;
    if (target.kind !== void 0 && target.kind !== "" && target.kind !== "Service") return;
    out.push({ resource: r, path, namespace: r.namespace, service: target.name, ...port !== void 0 ? { port } : {}, route });
  };
  push2(spec.to, ["spec", "to"]);
  (Array.isArray(spec.alternateBackends) ? spec.alternateBackends : []).forEach((b, i) => push2(b, ["spec", "alternateBackends", i]));
  return out;
});

// src/semantics/connectivity.ts
var INGRESS_CONTROLLER = "{ingress-controller}";
var INGRESS_CONTROLLER_NAMESPACE = "ingress-controller-ns";
var connectivities = /* @__PURE__ */ new WeakMap();
var NO_CLUSTER_POLICIES = { admin: [] };
var Connectivity = class _Connectivity {
  topology;
  /** Read by namespace, so only the namespaces an answer needs have their policies built. */
  policies;
  classes = [];
  classByWorkload = /* @__PURE__ */ new Map();
  ingressController;
  /** Source blocks (split by ingress ipBlocks) and destination blocks (split by egress ipBlocks): np-guard's
   * external peers, built on first use (the change analysis compares spans and never needs them). */
  blocks = {};
  /** Isolating policies per class and direction. */
  selecting = { ingress: [], egress: [] };
  /** By peerKey: policies repeat the same peer (`podSelector: {tier: db}`) many times. */
  peerMatch = /* @__PURE__ */ new Map();
  rows = { ingress: [], egress: [] };
  spans = { ingress: [], egress: [] };
  candidateCache = /* @__PURE__ */ new Map();
  /** Classes by namespace and by `key=value` label: the candidates of a selector, before checking it. */
  classesByNamespace = /* @__PURE__ */ new Map();
  classesByLabel = new LabelIndex();
  exposureCache;
  /** The ANPs (by priority) and the BANP of this side. */
  clusterPolicies;
  hasAdmin;
  /** Per class and direction; null: no ANP or BANP rule has a say (the NetworkPolicy-only paths). */
  adminRules = { ingress: [], egress: [] };
  adminRuleClasses = /* @__PURE__ */ new Map();
  adminRuleClassSets = /* @__PURE__ */ new Map();
  /** Cilium deny rules, which take away from every allow in the NetworkPolicy tier (none without Cilium policies). */
  deny;
  constructor(topology, policies, clusterPolicies = NO_CLUSTER_POLICIES) {
    this.topology = topology;
    this.policies = policies;
    this.clusterPolicies = clusterPolicies;
    this.hasAdmin = hasClusterPolicies(clusterPolicies);
    this.deny = new DenyRules(policies, this.classes);
    const byKey2 = /* @__PURE__ */ new Map();
    for (const w of topology.workloads) {
      const key = classKey(w.namespace, w.labels, w.ports);
      let cls = byKey2.get(key);
      if (!cls) {
        cls = this.addClass(w.namespace, w.labels, w.ports);
        byKey2.set(key, cls);
      }
      this.classByWorkload.set(w.id, cls);
    }
    this.ingressController = this.addClass(INGRESS_CONTROLLER_NAMESPACE, {}, []);
    for (const cls of this.classes) {
      pushTo(this.classesByNamespace, cls.namespace, cls.index);
      for (const key in cls.labels) this.classesByLabel.add(key, cls.labels[key], cls.index);
    }
  }
  addClass(namespace, labels, ports) {
    const nsLabels = this.topology.namespaces.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace };
    const cls = { index: this.classes.length, namespace, nsLabels, labels, ports };
    this.classes.push(cls);
    return cls;
  }
  externalBlocks(direction) {
    let blocks = this.blocks[direction];
    if (!blocks) {
      const sets = [];
      for (const policy of this.policies.all()) {
        for (const rule of [...policy.rules[direction], ...denyRulesOf(policy, direction)]) {
          if (rule.peers === "all") continue;
          for (const peer of rule.peers) if (peer.type === "ipBlock") sets.push(peer.addresses);
        }
      }
      for (const policy of clusterPolicyList(this.clusterPolicies)) {
        for (const rule of policy.rules[direction]) for (const peer of rule.peers) if (peer.type === "networks") sets.push(peer.addresses);
      }
      this.blocks[direction] = blocks = disjointBlocks(sets);
    }
    return blocks;
  }
  static fromModel(model) {
    return new _Connectivity(buildTopology(model), policyIndexOf(model), clusterPoliciesOf(model));
  }
  /** The connectivity of a model, built once for the rules that read one tree (audit, tiers). */
  static of(model) {
    let connectivity = connectivities.get(model);
    if (!connectivity) connectivities.set(model, connectivity = _Connectivity.fromModel(model));
    return connectivity;
  }
  /** What np-guard warns about in the ANPs and the BANP (same priorities, peers that are not modelled). */
  warnings() {
    return clusterPolicyWarnings(clusterPolicyList(this.clusterPolicies));
  }
  /**
   * The ANP and BANP rules that apply to a class in one direction; undefined when none has a say: no ANP selects
   * it, and no BANP does or a NetworkPolicy isolates it (the BANP only decides for pods no NetworkPolicy selects).
   */
  adminRulesFor(direction, cls) {
    if (!this.hasAdmin) return void 0;
    let rules = this.adminRules[direction][cls.index];
    if (rules === void 0) {
      const subject = (policy) => cls !== this.ingressController && matches(policy.subject.namespaces, cls.nsLabels) && matches(policy.subject.pods, cls.labels);
      const refs = (policy) => policy.rules[direction].map((rule) => ({ policy, rule }));
      const admin = this.clusterPolicies.admin.filter(subject).flatMap(refs);
      const { baseline: banp } = this.clusterPolicies;
      const baseline = banp && subject(banp) && !this.isolated(cls, direction) ? refs(banp) : [];
      rules = admin.length + baseline.length > 0 ? { admin, baseline } : null;
      this.adminRules[direction][cls.index] = rules;
    }
    return rules ?? void 0;
  }
  /** Whether the ingress of `cls` admits something from every class of pods (its row lists none it closes to). */
  admitsEveryPod(cls) {
    const row = this.row("ingress", cls);
    if (row.everyone.isEmpty()) return false;
    for (const conns of row.listed.values()) if (conns.isEmpty()) return false;
    return true;
  }
  /** The cluster-wide policies whose subject selects the class, with rules in the direction (for the change's scope). */
  clusterPoliciesSelecting(cls, direction) {
    const rules = this.adminRulesFor(direction, cls);
    return rules ? [...new Set([...rules.admin, ...rules.baseline].map((r) => r.policy))] : [];
  }
  classOf(workload) {
    const cls = this.classByWorkload.get(workload.id);
    if (!cls) throw new Error(`${workload.id} is not a workload of this topology`);
    return cls;
  }
  /** Whether some policy isolates the class in the direction. */
  isolated(cls, direction) {
    return this.selectingPolicies(cls, direction).length > 0;
  }
  selectingPolicies(cls, direction) {
    let list = this.selecting[direction][cls.index];
    if (!list) {
      list = enforcedPolicies(this.policies.selecting(cls.namespace, cls.labels, cls.nsLabels), direction);
      this.selecting[direction][cls.index] = list;
    }
    return list;
  }
  /** Allowed connections from `src` to `dst`: the source's egress AND the destination's ingress. */
  allowed(src, dst) {
    if (src.type === "pods" && dst.type === "pods") {
      const ingress = this.rowValue("ingress", dst.cls, src.cls.index, dst.cls);
      return ingress.isEmpty() ? ingress : this.rowValue("egress", src.cls, dst.cls.index, dst.cls).intersect(ingress);
    }
    if (src.type === "pods") return this.direction("egress", src.cls, dst, dst);
    if (dst.type === "pods") return this.direction("ingress", dst.cls, src, dst);
    return ConnectionSet.ALL;
  }
  /**
   * What `self`'s policies allow in one direction towards/from `other`; named ports are resolved on `dst`.
   * With `admissions`, also collects every rule that admits something (for attribution).
   */
  direction(direction, self, other, dst, admissions) {
    const rules = this.adminRulesFor(direction, self);
    if (!rules) return this.networkPolicyDirection(direction, self, other, dst, admissions);
    const decisions = admissions ? [] : void 0;
    const admin = this.verdict("admin", rules.admin, other, dst, decisions);
    let lower;
    let lowerAdmissions;
    if (this.isolated(self, direction)) {
      lowerAdmissions = admissions ? [] : void 0;
      lower = this.networkPolicyDirection(direction, self, other, dst, lowerAdmissions);
    } else {
      lower = baselineAllows(this.verdict("baseline", rules.baseline, other, dst, decisions)).subtract(this.deny.denied(direction, self, other, dst));
    }
    const allowed = tiered(admin, lower);
    if (admissions) {
      const open = allowed.subtract(admin.allow);
      for (const d of decisions ?? []) {
        if (d.action !== "Allow") continue;
        const conns = d.layer === "admin" ? d.conns : d.conns.intersect(open);
        if (!conns.isEmpty()) admissions.push({ ...d, conns });
      }
      for (const a of lowerAdmissions ?? []) {
        const conns = a.conns.intersect(open);
        if (!conns.isEmpty()) admissions.push({ ...a, conns });
      }
    }
    return allowed;
  }
  /**
   * Every ANP and BANP rule that decided ports between `self` and `other` in one direction, Deny and Pass included
   * (to attribute a connection that a Deny no longer closes).
   */
  adminDecisions(direction, self, other, dst) {
    const rules = this.adminRulesFor(direction, self);
    const decisions = [];
    if (!rules) return decisions;
    this.verdict("admin", rules.admin, other, dst, decisions);
    if (!this.isolated(self, direction)) this.verdict("baseline", rules.baseline, other, dst, decisions);
    return decisions;
  }
  /** The rules of one tier, in order, towards/from `other`: each port decided by the first rule that matches it. */
  verdict(layer, refs, other, dst, decisions) {
    let verdict = UNDECIDED;
    const dstPorts = dst.type === "pods" ? dst.cls.ports : void 0;
    for (const ref of refs) {
      const peerIndex = this.adminPeerMatch(ref.rule, other);
      if (peerIndex === void 0) continue;
      const step = decide(verdict, ref.rule.action, adminRuleConnections(ref.rule, dstPorts));
      verdict = step.verdict;
      if (decisions && !step.decided.isEmpty()) decisions.push({ layer, ...ref, peerIndex, action: ref.rule.action, conns: step.decided });
      if (verdict.decided.isAll()) break;
    }
    return verdict;
  }
  /** The first peer of an ANP/BANP rule that matches `other`, or undefined. */
  adminPeerMatch(rule, other) {
    if (other.type === "ip") return networksPeerAt(rule.peers, other.range);
    for (let i = 0; i < rule.peers.length; i++) {
      const peer = rule.peers[i];
      if (peer.type === "pods" && this.selectionMatches(adminSelection(peer), other.cls)) return i;
    }
    return void 0;
  }
  networkPolicyDirection(direction, self, other, dst, admissions) {
    const policies = this.selectingPolicies(self, direction);
    const denied = this.deny.denied(direction, self, other, dst);
    if (policies.length === 0) return denied.isEmpty() ? ConnectionSet.ALL : ConnectionSet.ALL.subtract(denied);
    let result = ConnectionSet.NONE;
    for (const policy of policies) {
      for (const rule of policy.rules[direction]) {
        const peerIndex = this.matchingPeer(policy, rule, other);
        if (peerIndex === void 0) continue;
        const conns = denied.isEmpty() ? ruleConnections2(rule, dst) : ruleConnections2(rule, dst).subtract(denied);
        if (conns.isEmpty()) continue;
        result = result.union(conns);
        admissions?.push({ layer: "network", policy, rule, ...peerIndex >= 0 ? { peerIndex } : {}, conns });
        if (!admissions && result.isAll()) return result;
      }
    }
    return result;
  }
  /**
   * The external addresses `self` exchanges connections with in one direction (ingress: as sources, egress: as
   * destinations), as disjoint IPv4 spans of equal connections, ascending. Built from the rules' own ipBlocks, so
   * its cost does not grow with the number of blocks every policy together splits the address space into.
   */
  ipSpans(direction, self) {
    const cached = this.spans[direction][self.index];
    if (cached) return cached;
    const rules = direction === "egress" ? this.adminRulesFor(direction, self) : void 0;
    const spans = rules ? this.adminEgressSpans(self, rules) : this.networkPolicySpans(direction, self);
    this.spans[direction][self.index] = spans;
    return spans;
  }
  /**
   * The external destinations of a class that ANP or BANP rules apply to: the address space cut at every `networks`
   * CIDR of its rules and every edge of its NetworkPolicy spans, each piece evaluated through the tiers.
   */
  adminEgressSpans(self, rules) {
    const isolated = this.isolated(self, "egress");
    const lowerSpans = isolated ? this.networkPolicySpans("egress", self) : this.deny.withoutDenied("egress", self, [{ range: ALL_IPV4, conns: ConnectionSet.ALL }]);
    const cuts = /* @__PURE__ */ new Set([ALL_IPV4.start, ALL_IPV4.end + 1n]);
    const cut = (range) => {
      if (range.family !== "ipv4") return;
      cuts.add(range.start);
      cuts.add(range.end + 1n);
    };
    for (const span of lowerSpans) cut(span.range);
    for (const { rule } of [...rules.admin, ...rules.baseline]) {
      for (const peer of rule.peers) if (peer.type === "networks") peer.addresses.ranges.forEach(cut);
    }
    const edges = [...cuts].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
    const dst = { type: "ip", range: ALL_IPV4 };
    const pieces = [];
    let next = 0;
    for (let i = 0; i + 1 < edges.length; i++) {
      const range = { family: "ipv4", start: edges[i], end: edges[i + 1] - 1n };
      const at = { type: "ip", range };
      while (next < lowerSpans.length && lowerSpans[next].range.end < range.start) next++;
      let lower = next < lowerSpans.length && lowerSpans[next].range.start <= range.start ? lowerSpans[next].conns : ConnectionSet.NONE;
      if (!isolated) lower = lower.intersect(baselineAllows(this.verdict("baseline", rules.baseline, at, dst)));
      pieces.push({ range, conns: tiered(this.verdict("admin", rules.admin, at, dst), lower) });
    }
    return unionSpans(pieces);
  }
  networkPolicySpans(direction, self) {
    const policies = this.selectingPolicies(self, direction);
    const pieces = policies.length === 0 ? [{ range: ALL_IPV4, conns: ConnectionSet.ALL }] : [];
    const dst = direction === "ingress" ? { type: "pods", cls: self } : { type: "ip", range: ALL_IPV4 };
    for (const policy of policies) {
      for (const rule of policy.rules[direction]) {
        const conns = ruleConnections2(rule, dst);
        if (conns.isEmpty()) continue;
        if (rule.peers === "all") {
          pieces.push({ range: ALL_IPV4, conns });
          continue;
        }
        for (const peer of rule.peers) {
          if (peer.type === "ipBlock") for (const range of peer.addresses.ranges) pieces.push({ range, conns });
        }
      }
    }
    return this.deny.withoutDenied(direction, self, unionSpans(pieces));
  }
  /** What `self` allows in `direction` with the pods of class `peer` (`dst` resolves named ports). */
  rowValue(direction, self, peer, dst) {
    if (this.deny.rulesFor(direction, self).length > 0) {
      if (this.adminRulesFor(direction, self)) return this.direction(direction, self, { type: "pods", cls: this.classes[peer] }, { type: "pods", cls: dst });
      const row2 = this.row(direction, self);
      return (row2.listed.get(peer) ?? everyoneTo(row2, dst)).subtract(this.deny.deniedPods(direction, self, peer, dst));
    }
    const row = this.row(direction, self);
    return row.listed.get(peer) ?? everyoneTo(row, dst);
  }
  /**
   * A class's pod-to-pod connections in one direction, built once: what every pod gets, and the (few) peer
   * classes that some rule lists, found through the label index instead of testing every class.
   */
  row(direction, self) {
    const cached = this.rows[direction][self.index];
    if (cached) return cached;
    const rules = this.adminRulesFor(direction, self);
    const row = rules ? this.adminRow(direction, self, rules) : this.networkPolicyRow(direction, self);
    this.rows[direction][self.index] = row;
    return row;
  }
  /**
   * The row of a class that ANP or BANP rules apply to. Listed: every class a rule's pod peer selects (unless it
   * selects every class) and every class the NetworkPolicy row lists, when its answer differs from `everyone`, the
   * answer for a class only the rules that select every class match. Every class is tried when an answer depends on
   * the destination's named ports. Classes matched by the same rules, with the same answer below the ANPs, share one
   * computed answer: a row may list thousands of classes that a few rules select alike.
   */
  adminRow(direction, self, rules) {
    const isolated = this.isolated(self, direction);
    const lowerRow = isolated ? this.networkPolicyRow(direction, self) : void 0;
    const refs = isolated ? rules.admin : [...rules.admin, ...rules.baseline];
    const universal = [];
    const partial = [];
    let perDestination = (lowerRow?.everyoneNamed.length ?? 0) > 0;
    refs.forEach(({ rule }, position) => {
      const classes = this.ruleClasses(rule);
      if (classes !== "all") partial.push({ position, classes });
      else {
        universal.push(position);
        if (direction === "egress" && hasNamedPort(rule)) perDestination = true;
      }
    });
    const ids = /* @__PURE__ */ new Map();
    const idOf = (value) => {
      let id = ids.get(value);
      if (id === void 0) ids.set(value, id = ids.size);
      return id;
    };
    const verdicts = /* @__PURE__ */ new Map();
    const verdictOf = (positions, dstPorts) => {
      let key = "";
      for (const i of positions) key += hasNamedPort(refs[i].rule) ? `,${i}:${idOf(dstPorts)}` : `,${i}`;
      let verdict = verdicts.get(key);
      if (!verdict) {
        const matched = positions.map((i) => refs[i]);
        verdict = {
          admin: ruleVerdict(matched.filter((r) => r.policy.kind === "AdminNetworkPolicy"), dstPorts),
          baseline: ruleVerdict(matched.filter((r) => r.policy.kind === "BaselineAdminNetworkPolicy"), dstPorts)
        };
        verdicts.set(key, verdict);
      }
      return verdict;
    };
    const universalVerdict = verdictOf(universal, self.ports);
    const answer = (c, selectedBy) => {
      const cls = c === void 0 ? void 0 : this.classes[c];
      const dstPorts = direction === "egress" && cls ? cls.ports : self.ports;
      const verdict = selectedBy.length === 0 && (!perDestination || dstPorts === self.ports) ? universalVerdict : verdictOf(selectedBy.length === 0 ? universal : [...universal, ...selectedBy].sort((a, b) => a - b), dstPorts);
      const lower = lowerRow ? cls ? lowerRow.listed.get(cls.index) ?? everyoneTo(lowerRow, cls) : lowerRow.everyone : baselineAllows(verdict.baseline);
      return tiered(verdict.admin, lower);
    };
    const row = { everyone: answer(void 0, []), everyoneNamed: [], listed: /* @__PURE__ */ new Map() };
    const onlyTakes = (position) => row.everyone.isEmpty() && !perDestination && refs[position].rule.action === "Deny";
    const selecting = /* @__PURE__ */ new Map();
    for (const c of lowerRow?.listed.keys() ?? []) selecting.set(c, []);
    for (const { position, classes } of partial) {
      if (onlyTakes(position)) continue;
      for (const c of classes) {
        const list = selecting.get(c);
        if (list) list.push(position);
        else selecting.set(c, [position]);
      }
    }
    for (const { position, classes } of partial) {
      if (!onlyTakes(position)) continue;
      const set = this.ruleClassSet(refs[position].rule, classes);
      for (const [c, list] of selecting) if (set.has(c)) list.push(position);
    }
    for (const c of perDestination ? this.classes.map((cls) => cls.index) : selecting.keys()) {
      const conns = answer(c, selecting.get(c) ?? []);
      if (!conns.equals(row.everyone)) row.listed.set(c, conns);
    }
    return row;
  }
  /** The classes the pod peers of an ANP/BANP rule select, ascending; 'all' when one of them selects every class. */
  ruleClasses(rule) {
    let classes = this.adminRuleClasses.get(rule);
    if (!classes) {
      const found = /* @__PURE__ */ new Set();
      for (const peer of rule.peers) {
        if (peer.type !== "pods") continue;
        const candidates = this.candidates(adminSelection(peer));
        if (candidates.length === this.classes.length) {
          found.clear();
          classes = "all";
          break;
        }
        for (const c of candidates) found.add(c);
      }
      classes ??= [...found].sort((a, b) => a - b);
      this.adminRuleClasses.set(rule, classes);
    }
    return classes;
  }
  ruleClassSet(rule, classes) {
    let set = this.adminRuleClassSets.get(rule);
    if (!set) this.adminRuleClassSets.set(rule, set = new Set(classes));
    return set;
  }
  /** A class's row under the NetworkPolicies alone. */
  networkPolicyRow(direction, self) {
    const policies = this.selectingPolicies(self, direction);
    const row = { everyone: policies.length === 0 ? ConnectionSet.ALL : ConnectionSet.NONE, everyoneNamed: [], listed: /* @__PURE__ */ new Map() };
    const selfEndpoint = { type: "pods", cls: self };
    for (const policy of policies) {
      for (const rule of policy.rules[direction]) {
        const fixed = direction === "ingress" || rule.ports === "all" || !rule.ports.some((p) => typeof p.port === "string");
        const fixedConns = fixed ? ruleConnections2(rule, selfEndpoint) : void 0;
        const addEveryone = () => {
          if (fixedConns) row.everyone = row.everyone.union(fixedConns);
          else row.everyoneNamed.push(rule);
        };
        if (rule.peers === "all") {
          addEveryone();
          continue;
        }
        for (const peer of rule.peers) {
          if (peer.type !== "pods") continue;
          const candidates = this.candidates(networkPolicySelection(policy, peer));
          if (candidates.length === this.classes.length) {
            addEveryone();
            continue;
          }
          for (const c of candidates) {
            const conns = fixedConns ?? ruleConnections2(rule, { type: "pods", cls: this.classes[c] });
            if (!conns.isEmpty()) row.listed.set(c, (row.listed.get(c) ?? ConnectionSet.NONE).union(conns));
          }
        }
      }
    }
    for (const [c, conns] of row.listed) row.listed.set(c, conns.union(everyoneTo(row, this.classes[c])));
    return row;
  }
  /** The classes a pod selection selects. */
  candidates(selection) {
    const cached = this.candidateCache.get(selection.key);
    if (cached) return cached;
    let smallest = selection.ownNamespace !== void 0 ? this.classesByNamespace.get(selection.ownNamespace) ?? [] : void 0;
    for (const [key, set] of selection.pods.constraints) {
      if (set.complement || set.values.has(ABSENT)) continue;
      const posting = [];
      for (const value of set.values) for (const c of this.classesByLabel.get(key, value) ?? []) posting.push(c);
      if (!smallest || posting.length < smallest.length) smallest = posting;
    }
    const pool = smallest ?? this.classes.map((c) => c.index);
    const result = pool.filter((c) => this.selectionMatches(selection, this.classes[c]));
    this.candidateCache.set(selection.key, result);
    return result;
  }
  /** -1: the rule admits every peer; an index: the first peer that matches; undefined: none. */
  matchingPeer(policy, rule, other) {
    if (rule.peers === "all") return -1;
    if (other.type === "ip") return paintedAt(firstIpPeers(rule.peers), other.range.family, other.range.start)?.value;
    for (let i = 0; i < rule.peers.length; i++) {
      const peer = rule.peers[i];
      if (peer.type === "pods" && this.selectionMatches(networkPolicySelection(policy, peer), other.cls)) return i;
    }
    return void 0;
  }
  selectionMatches(selection, cls) {
    let cache6 = this.peerMatch.get(selection.key);
    if (!cache6) this.peerMatch.set(selection.key, cache6 = /* @__PURE__ */ new Map());
    let match = cache6.get(cls.index);
    if (match === void 0) {
      const inNamespace = selection.namespaces ? matches(selection.namespaces, cls.nsLabels) : cls.namespace === selection.ownNamespace;
      cache6.set(cls.index, match = inNamespace && matches(selection.pods, cls.labels));
    }
    return match;
  }
  /**
   * The TCP ports each workload is sent by Ingresses and Routes (before policies), by workload id; with
   * `namespaces`, those of the workloads of these namespaces only, and with `workloads` too, those of these ids
   * only, in the same order (an exposure comes from the entries and Services of its workload's namespace alone).
   */
  exposures(namespaces, workloads) {
    if (namespaces) return computeExposures(this.topology, namespaces, workloads);
    this.exposureCache ??= computeExposures(this.topology);
    return this.exposureCache;
  }
  /**
   * Every allowed connection between different peers, np-guard's connectivity list (unsorted). With a scope,
   * only the pairs whose source is in `sources` or whose destination is in `destinations` (workload ids).
   * External peers are np-guard's blocks, or with `external: 'spans'` each workload's coarsest ranges of equal
   * connections: the same connections per address, fewer of them, and diffConnections compares address by
   * address, so its result is the same. `ingressController: false` leaves out the `{ingress-controller}` pairs.
   * With a `limit`, throws TooManyConnections as soon as the list would be longer; `pods: false` lists no pairs of
   * workloads (only their connections with external addresses and the controller).
   */
  connections(scope, { external = "blocks", ingressController = true, limit = Infinity, pods = true } = {}) {
    const out = [];
    const workloads = this.topology.workloads;
    if (workloads.length === 0) return out;
    const refs = workloads.map((w) => ({ type: "workload", name: w.id, workload: w }));
    const classOfWorkload = workloads.map((w) => this.classOf(w));
    const isSource = workloads.map((w) => !scope || scope.sources.has(w.id));
    const isDestination = workloads.map((w) => !scope || scope.destinations.has(w.id));
    const members = this.classes.map(() => []);
    classOfWorkload.forEach((cls, i) => members[cls.index].push(i));
    const populated = this.classes.filter((c) => members[c.index].length > 0);
    const hasSource = this.classes.map((c) => members[c.index].some((i) => isSource[i]));
    const sourceClasses = populated.filter((c) => hasSource[c.index]);
    const sourceIndexes = workloads.flatMap((_, i) => isSource[i] ? [i] : []);
    const destinationIndexes = workloads.flatMap((_, j) => isDestination[j] ? [j] : []);
    const ipRefs = /* @__PURE__ */ new Map();
    const ipRef = (range) => {
      let ref = ipRefs.get(range);
      if (!ref) ipRefs.set(range, ref = { type: "ip", name: rangeName(range), range });
      return ref;
    };
    const externalOf = (direction, cls) => {
      const spans = this.ipSpans(direction, cls);
      return external === "spans" ? spans : onBlocks(spans, this.externalBlocks(direction));
    };
    for (const j of destinationIndexes) {
      for (const { range, conns } of externalOf("ingress", classOfWorkload[j])) out.push({ src: ipRef(range), dst: refs[j], conns });
    }
    for (const i of sourceIndexes) {
      for (const { range, conns } of externalOf("egress", classOfWorkload[i])) out.push({ src: refs[i], dst: ipRef(range), conns });
    }
    const reachable = scope && pods ? this.egressReach(sourceClasses) : void 0;
    let tried = 0;
    for (const dstCls of pods ? populated : []) {
      const dstInScope = members[dstCls.index].some((j) => isDestination[j]);
      const reachedBy2 = dstInScope ? void 0 : reachable?.get(dstCls.index);
      if (!dstInScope && reachable && !reachedBy2) continue;
      const row = this.row("ingress", dstCls);
      const candidates = reachedBy2 ? reachedBy2.filter((c) => !row.everyone.isEmpty() || row.listed.has(c.index)) : row.everyone.isEmpty() ? [...row.listed.keys()].filter((c) => dstInScope || hasSource[c]).map((c) => this.classes[c]) : dstInScope ? populated : sourceClasses;
      for (const srcCls of candidates) {
        if (members[srcCls.index].length === 0) continue;
        if (++tried + out.length > limit) throw new TooManyConnections(limit);
        const conns = this.allowed({ type: "pods", cls: srcCls }, { type: "pods", cls: dstCls });
        if (conns.isEmpty()) continue;
        if (tried + out.length + members[srcCls.index].length * members[dstCls.index].length > limit) throw new TooManyConnections(limit);
        for (const i of members[srcCls.index]) {
          for (const j of members[dstCls.index]) {
            if ((i !== j || workloads[i].members) && (isSource[i] || isDestination[j])) out.push({ src: refs[i], dst: refs[j], conns });
          }
        }
      }
    }
    if (ingressController) out.push(...this.ingressConnections());
    return out;
  }
  /** This side's connections between the workload pairs of another side's list (the pairs this side also has). */
  samePairs(list) {
    const out = [];
    const byId = this.topology.byId;
    for (const { src, dst } of list) {
      if (src.type !== "workload" || dst.type !== "workload") continue;
      const [s, d] = [byId.get(src.name), byId.get(dst.name)];
      if (!s || !d) continue;
      push(
        out,
        { type: "workload", name: s.id, workload: s },
        { type: "workload", name: d.id, workload: d },
        this.allowed({ type: "pods", cls: this.classOf(s) }, { type: "pods", cls: this.classOf(d) })
      );
    }
    return out;
  }
  /**
   * The classes some of `sources` may send to, each with those sources (undefined: possibly every class), from
   * their egress rows: a destination is paired with the sources that list it, not with every source.
   */
  egressReach(sources) {
    const reach = /* @__PURE__ */ new Map();
    for (const cls of sources) {
      const row = this.row("egress", cls);
      if (!row.everyone.isEmpty() || row.everyoneNamed.length > 0) return void 0;
      for (const c of row.listed.keys()) pushTo(reach, c, cls);
    }
    return reach;
  }
  /** `{ingress-controller}` → workload: what Ingresses/Routes send, as far as the policies let it in. */
  ingressConnections() {
    const out = [];
    const src = { type: "ingress-controller", name: INGRESS_CONTROLLER };
    for (const id of this.exposures().keys()) {
      const workload = this.topology.byId.get(id);
      if (workload) push(out, src, { type: "workload", name: workload.id, workload }, this.ingressConnection(workload));
    }
    return out;
  }
  /** What Ingresses/Routes send to one workload, as far as the policies let it in (NONE when not exposed). */
  ingressConnection(workload, exposure = this.exposures().get(workload.id)) {
    if (!exposure) return ConnectionSet.NONE;
    return exposure.conns.intersect(this.allowed({ type: "pods", cls: this.ingressController }, { type: "pods", cls: this.classOf(workload) }));
  }
};
var TooManyConnections = class extends Error {
  constructor(limit) {
    super(`more than ${limit} connections between workloads`);
    this.limit = limit;
  }
  limit;
};
var firstIpPeerCache = /* @__PURE__ */ new WeakMap();
function firstIpPeers(peers) {
  let painted = firstIpPeerCache.get(peers);
  if (!painted) {
    const pieces = peers.flatMap((peer, i) => peer.type === "ipBlock" ? peer.addresses.ranges.map((range) => ({ range, value: i })) : []);
    firstIpPeerCache.set(peers, painted = overlay(pieces, Math.min, (a, b) => a === b));
  }
  return painted;
}
function onBlocks(spans, blocks) {
  const out = [];
  let i = 0;
  for (const block of blocks) {
    while (i < spans.length && spans[i].range.end < block.start) i++;
    if (i < spans.length && spans[i].range.start <= block.start) out.push({ range: block, conns: spans[i].conns });
  }
  return out;
}
function everyoneTo(row, dst) {
  let conns = row.everyone;
  for (const rule of row.everyoneNamed) conns = conns.union(ruleConnections2(rule, { type: "pods", cls: dst }));
  return conns;
}
var selections = /* @__PURE__ */ new WeakMap();
function networkPolicySelection(policy, peer) {
  let selection = selections.get(peer);
  if (!selection) {
    const own = peer.namespaces === "own" ? policy.resource.namespace : void 0;
    const namespaces = peer.namespaces === "own" ? void 0 : peer.namespaces;
    const key = JSON.stringify([own === void 0 ? selectorKey(peer.namespaces) : `own ${own}`, selectorKey(peer.pods)]);
    selections.set(peer, selection = { key, ...own === void 0 ? { namespaces } : { ownNamespace: own }, pods: peer.pods });
  }
  return selection;
}
function adminSelection(peer) {
  let selection = selections.get(peer);
  if (!selection) {
    const key = JSON.stringify([selectorKey(peer.namespaces), selectorKey(peer.pods)]);
    selections.set(peer, selection = { key, namespaces: peer.namespaces, pods: peer.pods });
  }
  return selection;
}
function selectorKey(selector2) {
  if (selector2.invalid !== void 0) return "invalid";
  const constraints = [...selector2.constraints].map(([k, set]) => [k, set.complement, [...set.values].sort()]);
  return JSON.stringify(constraints.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}
function pushTo(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function push(out, src, dst, conns) {
  if (!conns.isEmpty()) out.push({ src, dst, conns });
}
function classKey(namespace, labels, ports) {
  return JSON.stringify(namespace) + podKey(labels, ports);
}
var ruleConnsCache = /* @__PURE__ */ new WeakMap();
function ruleConnections2(rule, dst) {
  if (rule.ports === "all") return ConnectionSet.ALL;
  const named = rule.ports.some((p) => typeof p.port === "string");
  if (!named) {
    const cached = ruleConnsCache.get(rule);
    if (cached) return cached;
  }
  let conns = ConnectionSet.NONE;
  for (const spec of rule.ports) {
    if (spec.port === void 0) {
      conns = conns.union(ConnectionSet.of(spec.protocol));
    } else if (typeof spec.port === "number") {
      conns = conns.union(ConnectionSet.of(spec.protocol, spec.port, spec.endPort ?? spec.port));
    } else if (dst.type === "pods") {
      const match = dst.cls.ports.find((p) => p.name === spec.port && p.protocol === spec.protocol);
      if (match) conns = conns.union(ConnectionSet.of(spec.protocol, match.port, match.port));
    }
  }
  if (!named) ruleConnsCache.set(rule, conns);
  return conns;
}
function computeExposures(topology, namespaces, workloads) {
  const out = /* @__PURE__ */ new Map();
  const wanted = /* @__PURE__ */ new Map();
  const candidatesIn = (namespace) => {
    if (!workloads) return workloadsIn(topology, namespace);
    let candidates = wanted.get(namespace);
    if (!candidates) wanted.set(namespace, candidates = workloadsIn(topology, namespace).filter((w) => workloads.has(w.id)));
    return candidates;
  };
  for (const entry of topology.entries) {
    if (namespaces && !namespaces.has(entry.namespace)) continue;
    const service = serviceNamed(topology, entry.namespace, entry.service);
    if (!service?.selector) continue;
    const candidates = candidatesIn(service.namespace);
    if (candidates.length === 0) continue;
    for (const { workload, conns } of reachedBy(entry, [service, ...candidates], service, candidates)) {
      const current = out.get(workload.id) ?? { conns: ConnectionSet.NONE, entries: [] };
      current.conns = current.conns.union(conns);
      current.entries.push({ entry, conns });
      out.set(workload.id, current);
    }
  }
  return out;
}
var reachedBy = memoWhileSame((entry, service, candidates) => {
  const accessPorts = serviceAccessPorts(service.ports, entry.port);
  const workloads = [];
  for (const w of candidates) {
    if (!serviceSelects(service, w)) continue;
    let conns = ConnectionSet.NONE;
    for (const access of accessPorts) {
      const number = typeof access === "number" ? access : w.ports.find((p) => p.name === access && p.protocol === "TCP")?.port;
      if (number !== void 0 && w.ports.some((p) => p.port === number)) conns = conns.union(ConnectionSet.of("TCP", number, number));
    }
    workloads.push({ workload: w, conns });
  }
  return workloads;
});
function serviceAccessPorts(ports, wanted) {
  if (wanted === void 0) return ports.map(targetOf).filter((p) => p !== void 0);
  for (const p of ports) {
    if ((typeof wanted === "string" ? p.name === wanted : p.port === wanted) || p.targetPort === wanted) {
      const access = targetOf(p);
      return access === void 0 ? [] : [access];
    }
  }
  return [];
}
function targetOf(port) {
  return port.targetPort ?? port.port;
}

// src/semantics/exposure/backends.ts
function resolveBackends(backends, topology) {
  return backends.map((b) => {
    if (b.resource || b.blocked) return { ...b, workloads: [] };
    const service = serviceNamed(topology, b.namespace, b.service);
    return { ...b, workloads: service ? workloadsBehind(service, b.port, workloadsIn(topology, service.namespace)) : [] };
  });
}
function backendInputs(backends, topology) {
  const inputs = [];
  for (const b of backends) {
    if (b.resource || b.blocked) continue;
    const service = serviceNamed(topology, b.namespace, b.service);
    inputs.push(service);
    if (service) inputs.push(...workloadsIn(topology, service.namespace));
  }
  return inputs;
}
function sameResolution(a, at, b, bt) {
  return a.every((backend, i) => {
    if (backend.resource || backend.blocked) return true;
    const [x, y] = [serviceNamed(at, backend.namespace, backend.service), serviceNamed(bt, b[i].namespace, b[i].service)];
    if (x === void 0 || y === void 0) return x === y;
    if (x.resource.object !== y.resource.object) return false;
    const [before, after] = [workloadsIn(at, x.namespace), workloadsIn(bt, y.namespace)];
    return before.length === after.length && before.every((w, k) => w === after[k]) || sameWorkloads(before.filter((w) => serviceSelects(x, w)), after.filter((w) => serviceSelects(y, w)));
  });
}
function sameWorkloads(a, b) {
  if (a.length !== b.length) return false;
  const byId = new Map(a.map((w) => [w.id, w]));
  return b.every((w) => {
    const other = byId.get(w.id);
    return other !== void 0 && other.labels === w.labels && other.ports === w.ports;
  });
}
function workloadsBehind(service, port, workloads) {
  const access = serviceAccessPorts(service.ports, port);
  const out = [];
  for (const w of workloads) {
    if (!serviceSelects(service, w)) continue;
    const ports = access.map((p) => typeof p === "number" ? p : w.ports.find((c) => c.name === p)?.port ?? p);
    out.push({ id: w.id, ports: [...new Set(ports)] });
  }
  return out.sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// src/semantics/exposure/keys.ts
function uniqueKeys(rows) {
  const seen = /* @__PURE__ */ new Map();
  return rows.map((row) => {
    const n = (seen.get(row.key) ?? 0) + 1;
    seen.set(row.key, n);
    return n === 1 ? row : { ...row, key: `${row.key}#${n}` };
  });
}

// src/semantics/exposure/gateway.ts
function gatewayDrafts(resource, model) {
  const route = gatewayRouteOf(resource);
  const drafts = [];
  for (const parent of route.parentRefs) {
    if (parent.group !== GATEWAY_GROUP || parent.kind !== "Gateway") continue;
    const gatewayResource = lookup(model, { group: GATEWAY_GROUP, kind: "Gateway", namespace: parent.namespace, name: parent.name }, resource);
    if (!gatewayResource) continue;
    const gateway = gatewayOf(gatewayResource);
    for (const listener of gateway.listeners) {
      if (parent.sectionName !== void 0 && parent.sectionName !== listener.name) continue;
      if (parent.port !== void 0 && parent.port !== listener.port) continue;
      if (!serves(listener, route.kind) || !admits(model, gateway, listener, resource.namespace)) continue;
      for (const host of intersect2(listener.hostname, route.hostnames)) {
        const hostPath = route.hostnames.length > 0 ? route.hostnamesPath : parent.fieldPath;
        drafts.push(...ruleRows(route, gateway, listener, host, hostPath, grantsOf(model)));
      }
    }
  }
  return uniqueKeys(drafts);
}
var grantsByModel = /* @__PURE__ */ new WeakMap();
function grantsOf(model) {
  let grants = grantsByModel.get(model);
  if (!grants) grantsByModel.set(model, grants = model.resources.filter(isReferenceGrant).map(referenceGrantOf));
  return grants;
}
var LISTENER_KINDS = {
  HTTPRoute: ["HTTP", "HTTPS"],
  GRPCRoute: ["HTTP", "HTTPS"],
  TLSRoute: ["TLS"],
  TCPRoute: ["TCP"],
  UDPRoute: ["UDP"]
};
function serves(listener, kind) {
  return listener.protocol !== void 0 && LISTENER_KINDS[kind].includes(listener.protocol);
}
function admits(model, gateway, listener, namespace) {
  if (listener.allowedFrom === "All") return true;
  if (listener.allowedFrom === "Same") return namespace === gateway.resource.namespace;
  const declared = lookup(model, { group: "", kind: "Namespace", namespace: "", name: namespace }, gateway.resource);
  const labels = { ...declared?.labels() ?? {}, [NAMESPACE_NAME_LABEL]: namespace };
  return listener.selector !== void 0 && matches(listener.selector, labels);
}
function intersect2(listenerHost, routeHosts) {
  if (routeHosts.length === 0) return [listenerHost ?? "*"];
  const out = [];
  for (const host of routeHosts) {
    if (gatewayHostCovers(listenerHost, host)) out.push(host);
    else if (listenerHost !== void 0 && gatewayHostCovers(host, listenerHost)) out.push(listenerHost);
  }
  return [...new Set(out.map((h) => h.toLowerCase()))];
}
function hostMatchOf(host) {
  return host === "*" ? "any" : host.startsWith("*.") ? "suffix" : "exact";
}
function ruleRows(route, gateway, listener, host, hostPath, grants) {
  const resource = route.resource;
  const { guards, notes } = listenerGuards(gateway, listener);
  const gw = gateway.resource;
  const controller = `gateway ${gw.namespace}/${gw.name}${gateway.className ? ` (class ${gateway.className})` : ""}`;
  const listenerText = `${listener.name} ${listener.protocol ?? "?"}:${listener.port ?? "?"}`;
  const rows = [];
  for (const rule of route.rules) {
    const backends = rule.backendRefs.filter((b) => b.weight !== 0).map((b) => backendOf2(b, route, grants));
    const ruleMatches = rule.matches.length > 0 ? rule.matches : [{ headers: [], queryParams: [] }];
    for (const match of ruleMatches) {
      const text = matchText(route.kind, match);
      rows.push({
        key: `${route.kind}/${resource.namespace}/${resource.name}|${gw.namespace}/${gw.name}/${listener.name}|${host}|${text}`,
        object: { kind: route.kind, namespace: resource.namespace, name: resource.name },
        controller,
        listener: listenerText,
        host,
        hostMatch: hostMatchOf(host),
        match: text,
        catchAll: rule.matchesEverything || isEverything(route.kind, match),
        guards,
        backends,
        source: { resource, path: match.fieldPath ?? rule.fieldPath, hostPath },
        ...notes.length > 0 ? { notes } : {}
      });
    }
  }
  return rows;
}
function listenerGuards(gateway, listener) {
  const guards = [];
  const notes = [];
  if (listener.protocol === "HTTPS" || listener.protocol === "TLS") {
    guards.push({ kind: "tls", detail: listener.tlsMode === "Passthrough" ? "passthrough to the backend" : "terminated at the gateway" });
  }
  if (terminatesTls(listener)) {
    const validation = validationFor(gateway, listener);
    if (validation?.mode === "AllowValidOnly") guards.push({ kind: "client-cert", detail: `AllowValidOnly (${validation.caCertificateRefs.join(", ") || "no CA"})` });
    else if (validation) notes.push("client certificates: AllowInsecureFallback (missing or invalid certificates are accepted)");
  }
  return { guards, notes };
}
function matchText(kind, match) {
  const parts = [];
  if (kind === "HTTPRoute" && match.path) parts.push(`${match.path.type} ${match.path.value}`);
  if (kind === "GRPCRoute") parts.push(match.grpc ? `gRPC ${match.grpc.service ?? "*"}/${match.grpc.method ?? "*"}${match.grpc.type === "RegularExpression" ? " (regex)" : ""}` : "gRPC */*");
  if (kind === "TLSRoute") parts.push("SNI");
  if (kind === "TCPRoute" || kind === "UDPRoute") parts.push(kind === "TCPRoute" ? "TCP" : "UDP");
  if (match.method) parts.push(`method ${match.method}`);
  for (const h of match.headers) parts.push(`header ${h.name}${h.type === "RegularExpression" ? " ~ " : " = "}${h.value}`);
  for (const q of match.queryParams) parts.push(`query ${q.name}${q.type === "RegularExpression" ? " ~ " : " = "}${q.value}`);
  return parts.join(" && ");
}
function isEverything(kind, match) {
  if (match.headers.length > 0 || match.queryParams.length > 0 || match.method) return false;
  if (kind === "HTTPRoute") return match.path?.type === "PathPrefix" && match.path.value === "/";
  return kind === "GRPCRoute" && match.grpc === void 0;
}
function backendOf2(ref, route, grants) {
  const isService2 = ref.group === "" && ref.kind === "Service";
  const base = isService2 ? { namespace: ref.namespace, service: ref.name, ...ref.port !== void 0 ? { port: ref.port } : {} } : { namespace: ref.namespace, service: ref.name, resource: `${ref.group}/${ref.kind}/${ref.namespace}/${ref.name}` };
  if (ref.namespace === route.resource.namespace) return base;
  const granted = grants.some((g) => g.namespace === ref.namespace && g.from.some((f) => f.group === GATEWAY_GROUP && f.kind === route.kind && f.namespace === route.resource.namespace) && g.to.some((t) => grantToCovers(t, { group: ref.group, kind: ref.kind, name: ref.name })));
  return granted ? base : { ...base, blocked: `no ReferenceGrant in ${ref.namespace} admits ${route.kind} from ${route.resource.namespace}` };
}

// src/model/nginx.ts
var NGINX_PREFIX = "nginx.ingress.kubernetes.io/";
var NGINX_CONTROLLER = "k8s.io/ingress-nginx";
var DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";
var INJECTION_VECTORS = {
  "auth-url": "CVE-2025-24514",
  "auth-tls-match-cn": "CVE-2025-1097",
  "mirror-target": "CVE-2025-1098",
  "mirror-host": "CVE-2025-1098",
  "permanent-redirect": "CVE-2023-5044",
  "auth-proxy-set-headers": "CVE-2025-15566"
};
var VERIFY_CLIENT = /* @__PURE__ */ new Set(["on", "off", "optional", "optional_no_ca"]);
var nginxOf = perResource(buildNginx);
function buildNginx(resource) {
  const annotations = /* @__PURE__ */ new Map();
  for (const [key, value] of Object.entries(resource.annotations())) {
    if (!key.startsWith(NGINX_PREFIX)) continue;
    const name = key.slice(NGINX_PREFIX.length);
    annotations.set(name, { name, key, value, path: ["metadata", "annotations", key] });
  }
  const problems = [];
  const text = (name) => {
    const value = annotations.get(name)?.value.trim();
    return value === void 0 || value === "" ? void 0 : value;
  };
  const bool = (name, fallback) => {
    const value = text(name);
    if (value === void 0) return fallback;
    const parsed = parseGoBool(value);
    if (parsed === void 0) {
      problems.push({ path: annotations.get(name).path, message: `${name}: ${code(value)} is not a boolean; ingress-nginx uses its default (${fallback})` });
      return fallback;
    }
    return parsed;
  };
  const ipList = (name) => {
    const annotation = annotations.get(name);
    if (text(name) === void 0 || !annotation) return void 0;
    const entries = annotation.value.split(",").map((e) => e.trim()).filter((e) => e !== "");
    const invalid = entries.filter((e) => !parseCidr(e));
    for (const entry of invalid) problems.push({ path: annotation.path, message: `${name}: ${code(entry)} is not a CIDR or IP address` });
    const set = IpSet.unionAll(entries.map(IpSet.fromCidr));
    return { set, entries, invalid, annotation };
  };
  const allowList = ipList("allowlist-source-range") ?? ipList("whitelist-source-range");
  const denyList = ipList("denylist-source-range");
  const satisfy = text("satisfy")?.toLowerCase() === "any" ? "any" : "all";
  const auth = {
    type: text("auth-type")?.toLowerCase(),
    secret: text("auth-secret"),
    url: text("auth-url"),
    globalAuth: bool("enable-global-auth", true),
    satisfy
  };
  const mtlsSecret = text("auth-tls-secret");
  const rawVerify = text("auth-tls-verify-client");
  if (rawVerify !== void 0 && !VERIFY_CLIENT.has(rawVerify)) {
    problems.push({ path: annotations.get("auth-tls-verify-client").path, message: `auth-tls-verify-client: ${code(rawVerify)} is not on, off, optional or optional_no_ca; ingress-nginx uses on` });
  }
  const verifyClient = mtlsSecret === void 0 ? void 0 : rawVerify !== void 0 && VERIFY_CLIENT.has(rawVerify) ? rawVerify : "on";
  const rawDepth = text("auth-tls-verify-depth");
  const depth = rawDepth !== void 0 && /^\d+$/.test(rawDepth) ? Number(rawDepth) : 1;
  if (rawDepth !== void 0 && !/^\d+$/.test(rawDepth)) {
    problems.push({ path: annotations.get("auth-tls-verify-depth").path, message: `auth-tls-verify-depth: ${code(rawDepth)} is not a number; ingress-nginx uses 1` });
  }
  const mtls = { secret: mtlsSecret, verifyClient, verifyDepth: depth, matchCn: text("auth-tls-match-cn") };
  const https = {
    tls: ingressOf(resource).tls.length > 0,
    sslRedirect: bool("ssl-redirect", true),
    forceSslRedirect: bool("force-ssl-redirect", false),
    backendProtocol: (text("backend-protocol") ?? "HTTP").toUpperCase(),
    proxySslVerify: text("proxy-ssl-verify")?.toLowerCase() === "on"
  };
  const origins = (text("cors-allow-origin") ?? "*").split(",").map((o) => o.trim()).filter((o) => o !== "");
  const cors = {
    enabled: bool("enable-cors", false),
    origins: origins.length === 0 || origins.includes("*") ? "*" : origins,
    credentials: bool("cors-allow-credentials", true)
  };
  const all = [...annotations.values()];
  return {
    resource,
    annotations,
    allowList,
    denyList,
    auth,
    mtls,
    https,
    cors,
    snippets: all.filter((a) => a.name.endsWith("-snippet")),
    injectionVectors: all.filter((a) => a.name in INJECTION_VECTORS),
    sideEffects: {
      useRegex: bool("use-regex", false),
      sslPassthrough: bool("ssl-passthrough", false),
      canary: bool("canary", false),
      canaryByHeader: text("canary-by-header"),
      canaryByCookie: text("canary-by-cookie")
    },
    problems
  };
}
function parseGoBool(value) {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(value)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(value)) return false;
  return void 0;
}
function nginxServes(resource, model) {
  const claim = controllerClaim(resource, model);
  return claim === void 0 ? isIngress(resource) && nginxOf(resource).annotations.size > 0 : claim === "nginx";
}
function controllerClaim(resource, model) {
  if (!isIngress(resource)) return "other";
  const className = ingressOf(resource).className;
  if (className === "nginx") return "nginx";
  const controller = className !== void 0 ? controllerOf(model, className, resource) : defaultController(model);
  if (controller === void 0) return void 0;
  return controller === NGINX_CONTROLLER ? "nginx" : "other";
}
function controllerOf(model, className, from) {
  const ingressClass = lookup(model, { group: "networking.k8s.io", kind: "IngressClass", namespace: "", name: className }, from);
  const controller = ingressClass?.spec.controller;
  return typeof controller === "string" ? controller : void 0;
}
var defaultControllers = /* @__PURE__ */ new WeakMap();
function defaultController(model) {
  let known = defaultControllers.get(model);
  if (!known) {
    const defaults2 = model.resources.filter((r) => r.kind === "IngressClass" && r.annotations()[DEFAULT_CLASS_ANNOTATION] === "true");
    const controller = defaults2.length === 1 ? defaults2[0].spec.controller : void 0;
    defaultControllers.set(model, known = { controller: typeof controller === "string" ? controller : void 0 });
  }
  return known.controller;
}
function nginxGuardsOf(resource, model) {
  if (model ? !nginxServes(resource, model) : !isIngress(resource)) return void 0;
  const n = nginxOf(resource);
  const passthrough = n.sideEffects.sslPassthrough;
  const backendTls = n.https.backendProtocol === "HTTPS" || n.https.backendProtocol === "GRPCS";
  const tls = {
    terminated: n.https.tls && !passthrough,
    redirect: !passthrough && (n.https.forceSslRedirect || n.https.tls && n.https.sslRedirect),
    passthrough,
    backendVerified: backendTls && n.https.proxySslVerify
  };
  if (passthrough) return { tls, allowList: void 0, denyList: void 0, auth: void 0, globalAuth: false, mtls: void 0, cors: void 0 };
  const authKind = n.auth.url !== void 0 ? "external" : n.auth.type === "basic" || n.auth.type === "digest" ? n.auth.type : void 0;
  return {
    tls,
    allowList: n.allowList && n.allowList.entries.length > 0 ? n.allowList.set : void 0,
    denyList: n.denyList?.set,
    auth: authKind === void 0 ? void 0 : { kind: authKind, satisfyAny: n.auth.satisfy === "any" },
    globalAuth: n.auth.globalAuth,
    mtls: n.mtls.verifyClient === void 0 || n.mtls.verifyClient === "off" ? void 0 : { verify: n.mtls.verifyClient, depth: n.mtls.verifyDepth },
    cors: n.cors.enabled ? { origins: n.cors.origins, credentials: n.cors.credentials } : void 0
  };
}

// src/semantics/exposure/traefik.ts
function traefikGuards(model, refs, tls) {
  const guards = [];
  const notes = [];
  if (tls.on) {
    guards.push({ kind: "tls", detail: tls.secret ? `secret ${tls.secret}` : "default certificate" });
    const clientAuth = clientAuthFor(model, tls.options);
    if (clientAuth === "RequireAndVerifyClientCert") guards.push({ kind: "client-cert", detail: clientAuth });
    else if (clientAuth !== "NoClientCert") notes.push(`client certificates: ${clientAuth} (not verified for every client)`);
  }
  for (const applied of guardsOf(model, refs)) {
    if (applied.kind === "ipAllowList") {
      const list = applied.middleware.ipAllowList;
      guards.push({ kind: "ip-allowlist", detail: `${list.sourceRange.toString()}${list.trustsForwardedFor ? " (client address from X-Forwarded-For)" : ""}` });
    } else {
      guards.push({ kind: "auth", detail: applied.kind === "forwardAuth" ? "forward" : applied.kind === "basicAuth" ? "basic" : "digest" });
    }
  }
  for (const ref of refs) {
    if (!resolveMiddleware(model, ref)) notes.push(`middleware ${ref.text} is not in the manifests: its guards are unknown`);
  }
  return { guards, notes };
}
function ingressRouteDrafts(resource, model) {
  return uniqueKeys(rowsOf(resource, model));
}
var HOST_MATCHERS = /* @__PURE__ */ new Set(["Host", "HostRegexp"]);
function rowsOf(resource, model) {
  const route = ingressRouteOf(resource);
  const listener = `${route.entryPoints?.join(",") ?? "every entrypoint"}${route.tls ? " (tls)" : ""}`;
  const object = { kind: "IngressRoute", namespace: resource.namespace, name: resource.name };
  const rows = [];
  for (const r of route.routes) {
    const { guards, notes } = traefikGuards(model, r.middlewares, { on: route.tls !== void 0, options: route.tls?.options, secret: route.tls?.secretName });
    const backends = r.services.map((s) => s.kind === "Service" ? { namespace: s.namespace, service: s.name, ...s.port !== void 0 ? { port: s.port } : {} } : { namespace: s.namespace, service: s.name, resource: `traefik.io/${s.kind}/${s.namespace}/${s.name}` });
    if (r.services.some((s) => s.namespace !== resource.namespace)) notes.push("a service in another namespace routes only when the provider sets allowCrossNamespace");
    for (const conjunct of r.conjuncts ?? []) {
      for (const { host, hostMatch } of hostsOf(conjunct)) {
        const rest = conjunct.filter((l) => !(HOST_MATCHERS.has(l.name) && !l.negated));
        const match = rest.length === 0 ? "everything" : formatConjunct(rest);
        const ipGuards = conjunct.filter((l) => l.name === "ClientIP" && !l.negated).map((l) => ({ kind: "ip-allowlist", detail: `ClientIP ${l.args.join(", ")}` }));
        rows.push({
          key: `IngressRoute/${resource.namespace}/${resource.name}|${host.toLowerCase()}|${match}`,
          object,
          controller: "traefik",
          listener,
          host,
          hostMatch,
          match,
          catchAll: rest.every((l) => l.name === "PathPrefix" && !l.negated && l.args.every((a) => a === "/")),
          guards: [...guards, ...ipGuards],
          backends,
          source: { resource, path: r.matchPath, hostPath: r.matchPath },
          ...notes.length > 0 ? { notes } : {}
        });
      }
    }
  }
  return rows;
}
function hostsOf(conjunct) {
  const literal = conjunct.find((l) => HOST_MATCHERS.has(l.name) && !l.negated);
  if (!literal) return [{ host: "*", hostMatch: "any" }];
  if (literal.name === "HostRegexp") return literal.args.map((host) => ({ host, hostMatch: "regex" }));
  return literal.args.map((host) => ({ host, hostMatch: host.startsWith("*.") ? "one-label" : "exact" }));
}

// src/semantics/exposure/ingress.ts
function ingressDrafts(resource, model) {
  return uniqueKeys(rowsOf2(resource, model));
}
function rowsOf2(resource, model) {
  const ingress = ingressOf(resource);
  const nginx = nginxGuardsOf(resource, model);
  const traefik = !nginx && traefikServes(ingress, model) ? traefikIngressOf(resource) : void 0;
  const controller = controllerName(ingress, nginx ? "ingress-nginx" : traefik ? "traefik" : "ingress");
  const hostGuards = (host) => traefik ? traefikHostGuards(ingress, host, traefik, model) : nginxHostGuards(ingress, host, nginx);
  const object = { kind: "Ingress", namespace: resource.namespace, name: resource.name };
  const base = `Ingress/${resource.namespace}/${resource.name}`;
  const rows = [];
  for (const rule of ingress.rules) {
    const guarded = hostGuards(rule.host);
    for (const p of rule.paths) {
      const match = `${p.pathType} ${p.path}`;
      const host = rule.host ?? "*";
      rows.push({
        key: `${base}|${host.toLowerCase()}|${match}`,
        object,
        controller,
        host,
        hostMatch: hostMatchOf2(rule.host),
        match,
        // ingress-nginx treats ImplementationSpecific as a prefix (without use-regex), like every common controller.
        catchAll: p.path === "/" && p.pathType !== "Exact",
        ...guarded,
        backends: backendsOf(p.backend, resource.namespace),
        source: { resource, path: p.fieldPath, hostPath: rule.host === void 0 ? rule.fieldPath : internPath([...rule.fieldPath, "host"]) }
      });
    }
  }
  if (ingress.defaultBackend) {
    rows.push({
      key: `${base}|*|default backend`,
      object,
      controller,
      host: "*",
      hostMatch: "any",
      match: "default backend",
      catchAll: true,
      ...hostGuards(void 0),
      backends: backendsOf(ingress.defaultBackend, resource.namespace),
      source: { resource, path: ingress.defaultBackend.path, hostPath: ingress.defaultBackend.path }
    });
  }
  return rows;
}
function controllerName(ingress, controller) {
  return `${controller} (${ingress.className === void 0 ? "default class" : `class ${ingress.className}`})`;
}
var TRAEFIK_CONTROLLER = "traefik.io/ingress-controller";
function traefikServes(ingress, model) {
  if (ingress.className === "traefik") return true;
  const controller = ingress.className !== void 0 ? controllerOf(model, ingress.className, ingress.resource) : defaultController(model);
  if (controller !== void 0) return controller === TRAEFIK_CONTROLLER;
  return hasTraefikAnnotations(ingress.resource);
}
function tlsFor(ingress, host) {
  return host === void 0 ? void 0 : ingress.tls.find((t) => t.hosts.some((h) => h.toLowerCase() === host.toLowerCase()));
}
function traefikHostGuards(ingress, host, traefik, model) {
  const { guards, notes } = traefikGuards(model, traefik.middlewares, { on: traefik.tls, options: traefik.tlsOptions, secret: tlsFor(ingress, host)?.secretName });
  const listener = `${traefik.entryPoints?.join(",") ?? "every entrypoint"}${traefik.tls ? " (tls)" : ""}`;
  return { listener, guards, ...notes.length > 0 ? { notes } : {} };
}
function hostMatchOf2(host) {
  if (host === void 0 || host === "*") return "any";
  return host.startsWith("*.") ? "one-label" : "exact";
}
function nginxHostGuards(ingress, host, nginx) {
  const guards = [];
  const notes = [];
  const tls = tlsFor(ingress, host);
  let listener = "http";
  if (nginx?.tls.passthrough) {
    listener = "https (ssl-passthrough)";
    guards.push({ kind: "tls", detail: "passthrough to the backend" });
    notes.push("ssl-passthrough: ingress-nginx applies none of the other annotations");
  } else if (tls) {
    const redirect = nginx ? nginx.tls.redirect : false;
    listener = redirect ? "https (http redirects)" : "http+https";
    guards.push({ kind: "tls", detail: tls.secretName ? `secret ${tls.secretName}` : "default certificate" });
  } else if (nginx && nginxOf(ingress.resource).https.forceSslRedirect) {
    listener = "https (http redirects)";
  }
  if (nginx) {
    if (nginx.mtls) guards.push({ kind: "client-cert", detail: `verify ${nginx.mtls.verify}, depth ${nginx.mtls.depth}` });
    if (nginx.allowList) {
      const allowed = nginx.denyList ? nginx.allowList.subtract(nginx.denyList) : nginx.allowList;
      guards.push({ kind: "ip-allowlist", detail: allowed.toString() });
    }
    if (nginx.auth) guards.push({ kind: "auth", detail: `${nginx.auth.kind}${nginx.auth.satisfyAny ? " (satisfy any)" : ""}` });
    if (!nginx.globalAuth) notes.push("global auth disabled (enable-global-auth: false)");
    if (nginx.cors) {
      const origins = nginx.cors.origins === "*" ? "*" : nginx.cors.origins.join(",");
      guards.push({ kind: "cors", detail: `origin ${origins}${nginx.cors.credentials ? ", credentials" : ""}` });
    }
  }
  return { listener, guards, ...notes.length > 0 ? { notes } : {} };
}
function backendsOf(backend, namespace) {
  if (backend.resource) return [{ namespace, service: "", resource: backend.resource }];
  if (!backend.service) return [];
  return [{ namespace, service: backend.service, ...backend.port !== void 0 ? { port: backend.port } : {} }];
}

// src/semantics/exposure/openshift.ts
var ROUTE_ALLOWLIST_ANNOTATION = "haproxy.router.openshift.io/ip_whitelist";
function isOpenshiftRoute(resource) {
  return resource.kind === "Route" && resource.group === "route.openshift.io";
}
function openshiftRouteDrafts(resource) {
  return [rowOf(resource)];
}
function rowOf(resource) {
  const spec = resource.spec;
  const { host, hostMatch } = hostOf(resource);
  const tls = isObject(spec.tls) ? spec.tls : void 0;
  const termination = typeof tls?.termination === "string" ? tls.termination.toLowerCase() : void 0;
  const passthrough = termination === "passthrough";
  const path = !passthrough && typeof spec.path === "string" && spec.path !== "" ? spec.path : "/";
  const match = passthrough ? "SNI" : `Prefix ${path}`;
  const guards = [];
  const notes = [];
  let listener = "http";
  if (termination) {
    guards.push({ kind: "tls", detail: termination });
    const insecure = typeof tls?.insecureEdgeTerminationPolicy === "string" ? tls.insecureEdgeTerminationPolicy : "None";
    listener = passthrough ? "https (passthrough)" : insecure === "Allow" ? "http+https" : insecure === "Redirect" ? "https (http redirects)" : "https";
  }
  const allowlist = resource.annotations()[ROUTE_ALLOWLIST_ANNOTATION];
  if (allowlist !== void 0 && allowlist.trim() !== "") {
    const entries = allowlist.trim().split(/\s+/);
    const invalid = entries.filter((e) => !parseCidr(e));
    if (invalid.length > 0) notes.push(`${ROUTE_ALLOWLIST_ANNOTATION}: not addresses: ${invalid.join(", ")}`);
    const set = IpSet.unionAll(entries.map(IpSet.fromCidr));
    guards.push({ kind: "ip-allowlist", detail: set.toString() });
  }
  const port = isObject(spec.port) && (typeof spec.port.targetPort === "number" || typeof spec.port.targetPort === "string") ? spec.port.targetPort : void 0;
  const backends = [];
  const push2 = (target) => {
    if (!isObject(target) || typeof target.name !== "string") return;
    if (target.kind !== void 0 && target.kind !== "" && target.kind !== "Service") return;
    if (target.weight === 0) return;
    backends.push({ namespace: resource.namespace, service: target.name, ...port !== void 0 ? { port } : {} });
  };
  push2(spec.to);
  (Array.isArray(spec.alternateBackends) ? spec.alternateBackends : []).forEach(push2);
  return {
    key: `Route/${resource.namespace}/${resource.name}|${host.toLowerCase()}|${match}`,
    object: { kind: "Route", namespace: resource.namespace, name: resource.name },
    controller: "openshift-router",
    listener,
    host,
    hostMatch,
    match,
    catchAll: path === "/",
    guards,
    backends,
    source: { resource, path: ["spec", "to"], hostPath: typeof spec.host === "string" && spec.host !== "" ? ["spec", "host"] : ["spec"] },
    ...notes.length > 0 ? { notes } : {}
  };
}
function hostOf(resource) {
  const spec = resource.spec;
  if (typeof spec.host !== "string" || spec.host === "") return { host: `${resource.name}-${resource.namespace}.<router domain>`, hostMatch: "generated" };
  if (spec.wildcardPolicy === "Subdomain" && spec.host.includes(".")) return { host: `*${spec.host.slice(spec.host.indexOf("."))}`, hostMatch: "one-label" };
  return { host: spec.host, hostMatch: "exact" };
}

// src/semantics/exposure-map.ts
var cache = /* @__PURE__ */ new WeakMap();
function buildExposureMap(model) {
  let map = cache.get(model);
  if (!map) {
    map = computeMap(model);
    cache.set(model, map);
  }
  return map;
}
var ROUTES = [
  // The class decides the controller (ingress-nginx or Traefik); Traefik's router annotations name Middlewares and TLSOptions.
  { isRoute: isIngress, drafts: ingressDrafts, reads: /* @__PURE__ */ new Set(["IngressClass", "Middleware", "TLSOption"]) },
  { isRoute: isIngressRoute, drafts: ingressRouteDrafts, reads: /* @__PURE__ */ new Set(["Middleware", "TLSOption"]) },
  // Listeners admit routes by the labels of their Namespace; cross-namespace backends need a ReferenceGrant.
  { isRoute: isGatewayRoute, drafts: gatewayDrafts, reads: /* @__PURE__ */ new Set(["Gateway", "ReferenceGrant", "Namespace"]) },
  { isRoute: isOpenshiftRoute, drafts: openshiftRouteDrafts, reads: /* @__PURE__ */ new Set() }
];
function readByExposureMap(resource) {
  return ROUTES.some((api) => api.isRoute(resource) || api.reads.has(resource.kind)) || definesBackends(resource);
}
function computeMap(model) {
  const topology = buildTopology(model);
  const rows = routeDraftsOf(model).flatMap(({ drafts }) => drafts.map((draft) => resolved(draft, topology)));
  return { rows: rows.sort(byKey) };
}
var routeDrafts = /* @__PURE__ */ new WeakMap();
function routeDraftsOf(model) {
  let routes = routeDrafts.get(model);
  if (!routes) {
    routes = [];
    for (const resource of model.resources) {
      const api = ROUTES.find((candidate) => candidate.isRoute(resource));
      if (api) routes.push({ resource, drafts: draftsOf(resource, model, api), context: routingContext(model, api) });
    }
    routeDrafts.set(model, routes);
  }
  return routes;
}
var drafted = /* @__PURE__ */ new WeakMap();
function draftsOf(resource, model, api) {
  const context = routingContext(model, api);
  const known = drafted.get(resource);
  if (known?.context === context) return known.drafts;
  const drafts = api.drafts(resource, model);
  drafted.set(resource, { context, drafts });
  return drafts;
}
var resolvedRow = memoWhileSame((draft, topology) => ({ ...draft, backends: resolveBackends(draft.backends, topology) }));
function resolved(draft, topology) {
  return resolvedRow(draft, backendInputs(draft.backends, topology), topology);
}
var contexts = /* @__PURE__ */ new WeakMap();
var recentContexts = /* @__PURE__ */ new Map();
function routingContext(model, api) {
  let byApi = contexts.get(model);
  if (!byApi) contexts.set(model, byApi = /* @__PURE__ */ new Map());
  let context = byApi.get(api);
  if (context) return context;
  const resources = api.reads.size === 0 ? [] : model.resources.filter((r) => api.reads.has(r.kind));
  const recent = recentContexts.get(api)?.deref();
  context = recent && sameItems(recent.resources, resources) ? recent : { resources };
  recentContexts.set(api, new WeakRef(context));
  byApi.set(api, context);
  return context;
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var byKey = (a, b) => compare(a.key, b.key);
function describeGuard(guard) {
  return `${guard.kind} ${guard.detail}`.trim();
}
function describeBackend2(backend) {
  if (backend.resource) return `resource ${backend.resource}`;
  const service = `${backend.namespace}/${backend.service}${backend.port === void 0 ? "" : `:${backend.port}`}`;
  return backend.blocked ? `${service} (does not route: ${backend.blocked})` : service;
}
function describeWorkload(workload) {
  return workload.ports.length === 0 ? workload.id : `${workload.id}:${workload.ports.join(",")}`;
}
function describeEntry(row) {
  return `${row.host} ${row.match}`;
}
function isEmptyDiff(diff) {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
function diffExposureMaps(base, head) {
  const before = new Map(base.rows.map((r) => [r.key, r]));
  const after = new Map(head.rows.map((r) => [r.key, r]));
  const added = head.rows.filter((r) => !before.has(r.key));
  const removed = base.rows.filter((r) => !after.has(r.key));
  const changed = [];
  for (const row of head.rows) {
    const old = before.get(row.key);
    if (!old) continue;
    const changes = rowChanges(old, row);
    if (changes.length > 0) changed.push({ before: old, after: row, changes });
  }
  return { added, removed, changed };
}
function sameRow(a, b) {
  return a === b || a.controller === b.controller && a.listener === b.listener && a.host === b.host && a.hostMatch === b.hostMatch && a.match === b.match && deepEqual(a.guards, b.guards) && deepEqual(a.backends, b.backends);
}
function rowChanges(a, b) {
  if (sameRow(a, b)) return [];
  const out = [];
  const scalar = (name, x, y) => {
    if (x !== y) out.push(`${name}: ${x} → ${y}`);
  };
  scalar("controller", a.controller, b.controller);
  scalar("listener", a.listener, b.listener);
  scalar("host match", a.hostMatch, b.hostMatch);
  const set = (name, x, y) => {
    const lost = x.filter((v) => !y.includes(v));
    const gained = y.filter((v) => !x.includes(v));
    if (lost.length > 0) out.push(`${name}: lost ${lost.join(", ")}`);
    if (gained.length > 0) out.push(`${name}: gained ${gained.join(", ")}`);
  };
  set("guards", a.guards.map(describeGuard), b.guards.map(describeGuard));
  set("backends", a.backends.map(describeBackend2), b.backends.map(describeBackend2));
  set("workloads", workloadsOf(a).map(describeWorkload), workloadsOf(b).map(describeWorkload));
  return out;
}
function workloadsOf(row) {
  return row.backends.filter((b) => !b.blocked).flatMap((b) => b.workloads);
}
function edgesOf(rows) {
  const edges = /* @__PURE__ */ new Map();
  const add = (e) => edges.set(edgeKey(e), e);
  for (const row of rows) {
    const entry = { type: "entry", name: entryName(row) };
    add({ source: { type: "ingress-controller", name: row.controller }, destination: entry, ports: row.guards.length === 0 ? "unguarded" : row.guards.map((g) => g.kind).join(", ") });
    for (const b of row.backends) {
      if (b.blocked) continue;
      const service = describeBackend2(b);
      if (b.workloads.length === 0) add({ source: entry, destination: { type: "workload", name: `${service} (no workload in the manifests)` }, ports: "no pods" });
      for (const w of b.workloads) add({ source: entry, destination: { type: "workload", name: w.id }, ports: `${service} → ${w.ports.join(",") || "no port"}` });
    }
  }
  return [...edges.values()];
}
function edgesNotIn(baseRows, headRows, baseRowsAt) {
  const before = new Map(baseRows.map((r) => [r.key, r]));
  const candidates = edgesOf(headRows.filter((r) => {
    const old = before.get(r.key);
    return !old || !sameRow(old, r);
  }));
  if (candidates.length === 0) return [];
  const ends = new Set(candidates.flatMap((e) => [e.source.name, e.destination.name]));
  const seen = new Set(edgesOf([...ends].flatMap(baseRowsAt)).map(edgeKey));
  return candidates.filter((e) => !seen.has(edgeKey(e)));
}
function entryName(row) {
  return `${row.listener} ${describeEntry(row)}`;
}
function edgeKey(edge) {
  return JSON.stringify([edge.source.name, edge.destination.name, edge.ports]);
}
function rowData(row, side) {
  const { source, ...rest } = row;
  const at = source.resource.at(source.path);
  return { ...rest, location: { path: at.path, line: at.line, side } };
}
function exposureChange(base, head) {
  const [baseRoutes, headRoutes] = [routeDraftsOf(base), routeDraftsOf(head)];
  const [baseTopology, headTopology] = [buildTopology(base), buildTopology(head)];
  const baseByKey = new Map(baseRoutes.map((route) => [route.resource.key, route]));
  const same = /* @__PURE__ */ new Set();
  for (const route of headRoutes) {
    const was = baseByKey.get(route.resource.key);
    if (!was || was.resource.object !== route.resource.object || was.context !== route.context || was.drafts.length !== route.drafts.length) continue;
    route.drafts.forEach((d, i) => {
      if (sameResolution(was.drafts[i].backends, baseTopology, d.backends, headTopology)) same.add(was.drafts[i]).add(d);
    });
  }
  const rowsThatMayDiffer = (routes, topology) => routes.flatMap(({ drafts }) => drafts.filter((draft) => !same.has(draft)).map((draft) => resolved(draft, topology))).sort(byKey);
  const [before, after] = [rowsThatMayDiffer(baseRoutes, baseTopology), rowsThatMayDiffer(headRoutes, headTopology)];
  const diff = diffExposureMaps({ rows: before }, { rows: after });
  if (isEmptyDiff(diff)) return void 0;
  const baseByEntry = /* @__PURE__ */ new Map();
  for (const { drafts } of baseRoutes) for (const draft of drafts) pushTo(baseByEntry, entryName(draft), draft);
  const count = (routes) => routes.reduce((n, route) => n + route.drafts.length, 0);
  return {
    rows: { base: count(baseRoutes), head: count(headRoutes) },
    added: diff.added.map((r) => rowData(r, "head")),
    removed: diff.removed.map((r) => rowData(r, "base")),
    changed: diff.changed.map((c) => ({ before: rowData(c.before, "base"), after: rowData(c.after, "head"), changes: c.changes })),
    newEdges: edgesNotIn(before, after, (entry) => (baseByEntry.get(entry) ?? []).map((draft) => resolved(draft, baseTopology)))
  };
}

// src/findings/environments.ts
function mergeEnvironments(findings) {
  const groups = /* @__PURE__ */ new Map();
  const byFinding = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Map();
  for (const f of findings) {
    if (f.resource?.scope === void 0) continue;
    const change = sameChange(f);
    const { ruleId, location, resource } = f;
    const within = JSON.stringify([resource.scope, ruleId, resource.group, resource.kind, location.side, location.path, change]);
    const ordinal = seen.get(within) ?? 0;
    seen.set(within, ordinal + 1);
    const key = JSON.stringify([
      ruleId,
      location.side,
      location.path,
      location.line,
      location.endLine,
      resource.group,
      resource.kind,
      f.suppressed ? "suppressed" : f.proposedSuppression ? "proposed" : "",
      change
    ]);
    const buckets = groups.get(key) ?? [];
    groups.set(key, buckets);
    let bucket = buckets.find((b) => !b.some((other) => other.resource.scope === resource.scope));
    if (!bucket) buckets.push(bucket = []);
    bucket.push(f);
    byFinding.set(f, { bucket, change, ordinal });
  }
  const kept = [];
  for (const f of findings) {
    const entry = byFinding.get(f);
    if (!entry) kept.push(f);
    else if (entry.bucket[0] === f) kept.push(merged(entry.bucket, entry.change, entry.ordinal));
  }
  return kept;
}
var REFERENCE = /(?<![\w./-])(?=[a-z0-9-]*[a-z])[a-z0-9](?:[-a-z0-9]*[a-z0-9])?\/[a-z0-9](?:[-.a-z0-9]*[a-z0-9])?/g;
function sameChange(f) {
  const { environment, namespace, name } = f.resource;
  let text = f.message;
  if (environment !== void 0) text = text.replace(`In ${environment}: `, "").split(` in ${environment}`).join("");
  text = text.replace(REFERENCE, "<object>");
  for (const [word2, placeholder] of [[name, "<name>"], [namespace, "<namespace>"]]) {
    if (word2 !== "") text = text.replace(new RegExp(`(?<![\\w./-])${word2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w./-])`, "g"), placeholder);
  }
  return text;
}
function merged(bucket, change, ordinal) {
  const [first] = bucket;
  const resource = first.resource;
  const fingerprint = fingerprintOf(first.ruleId, void 0, ["rendered", resource.group, resource.kind, first.location.side, first.location.path, change, ordinal].join("\0"));
  if (bucket.length === 1) return { ...first, fingerprint };
  const environments = bucket.map((f) => f.resource);
  const severity = bucket.reduce((top, f) => severityRank(f.severity) > severityRank(top) ? f.severity : top, first.severity);
  const own = first.message.replace(`In ${resource.environment}: `, "").split(` in ${resource.environment}`).join("");
  const others = bucket.slice(1).filter((f) => f.resource.name !== resource.name || f.resource.namespace !== resource.namespace).map((f) => `${f.resource.namespace ? `${f.resource.namespace}/` : ""}${f.resource.name} in ${f.resource.environment}`);
  const each = bucket.map((f) => f.message).join("\n");
  const edges = [...new Map(bucket.flatMap((f) => f.edges ?? []).map((e) => [JSON.stringify(e), e])).values()];
  return {
    ...first,
    severity,
    message: `In ${environments.map((e) => e.environment).join(", ")}: ${own}${others.length > 0 ? ` The same holds for ${others.join(", ")}.` : ""}`,
    resource: { ...resource, environments },
    fingerprint,
    details: first.details === void 0 ? each : `${first.details}

${each}`,
    ...edges.length > 0 ? { edges } : {}
  };
}

// src/findings/fold.ts
var FOLD_AFTER = 200;
var QUOTED2 = 1e3;
function foldFloods(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const f of findings) {
    if (!f.resource) continue;
    const key = `${f.ruleId}\0${fingerprintOf("", f.resource, "")}\0${f.resource.scope ?? ""}\0${suppressionState(f)}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const folded = /* @__PURE__ */ new Map();
  let total = 0;
  for (const group of groups.values()) {
    if (group.length <= FOLD_AFTER) continue;
    const rest = group.slice(FOLD_AFTER);
    total += rest.length;
    folded.set(rest[0], foldedFinding(rest));
    for (const f of rest.slice(1)) folded.set(f, null);
  }
  if (total === 0) return { findings: [...findings] };
  const kept = [];
  for (const f of findings) {
    const replacement = folded.get(f);
    if (replacement === void 0) kept.push(f);
    else if (replacement !== null) kept.push(replacement);
  }
  return {
    findings: kept,
    note: `${total.toLocaleString("en-US")} findings were folded: past ${FOLD_AFTER} findings of one rule on one object, the rest are one finding each (with the highest severity among them, which the gate counts)`
  };
}
function suppressionState(f) {
  return f.suppressed ? "suppressed" : f.proposedSuppression ? "proposed" : "";
}
function foldedFinding(rest) {
  const [first] = rest;
  const resource = first.resource;
  const severity = rest.reduce((top, f) => severityRank(f.severity) > severityRank(top) ? f.severity : top, first.severity);
  const counts = SEVERITIES.map((s) => [s, rest.filter((f) => f.severity === s).length]).filter(([, n]) => n > 0).map(([s, n]) => `${n.toLocaleString("en-US")} ${s}`).join(", ");
  const last = rest.reduce((max, f) => f.location.path === first.location.path ? Math.max(max, f.location.endLine) : max, first.location.endLine);
  const quoted = rest.slice(0, QUOTED2).map((f) => `${f.location.path}:${f.location.line}: ${f.message}`);
  if (rest.length > QUOTED2) quoted.push(`… and ${(rest.length - QUOTED2).toLocaleString("en-US")} more`);
  return {
    ruleId: first.ruleId,
    severity,
    message: `${rest.length.toLocaleString("en-US")} more ${first.ruleId} finding${rest.length === 1 ? "" : "s"} on ${describeIdentity(resource)} (${counts}), from line ${first.location.line} to ${last}: past the first ${FOLD_AFTER} they are folded into this one; the first is: ${first.message}`,
    location: first.location,
    related: [],
    resource,
    fingerprint: fingerprintOf(first.ruleId, resource, `folded\0${suppressionState(first)}`),
    details: quoted.join("\n"),
    ...first.suppressed ? { suppressed: first.suppressed } : {},
    ...first.proposedSuppression ? { proposedSuppression: first.proposedSuppression } : {}
  };
}

// src/findings/causes.ts
function sameChangeMessage(ruleId) {
  return `the same change, reported by ${ruleId}`;
}

// src/rules/connectivity/same-cause.ts
var SEMANTIC = /* @__PURE__ */ new Set(["connectivity-added", "workload-unisolated", "exposure-added", "tier-cross-connectivity"]);
var SYNTACTIC = /^(netpol|ingress)-/;
function linkSameCause(findings) {
  const syntactic = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const key = placeKey(f);
    if (!SYNTACTIC.test(f.ruleId) || key === void 0) continue;
    const group = syntactic.get(key);
    if (group) group.byLine.push(f);
    else syntactic.set(key, { byLine: [f], reach: [] });
  }
  for (const group of syntactic.values()) {
    group.byLine.sort((a, b) => a.location.line - b.location.line);
    let reach = 0;
    group.reach = group.byLine.map((f) => reach = Math.max(reach, f.location.endLine));
  }
  const order = new Map(findings.map((f, i) => [f, i]));
  for (const semantic of findings) {
    const key = placeKey(semantic);
    if (!SEMANTIC.has(semantic.ruleId) || key === void 0) continue;
    const group = syntactic.get(key);
    if (!group) continue;
    const { line, endLine } = semantic.location;
    const overlapping = [];
    for (let i = lastStartingBy(group.byLine, endLine); i >= 0 && group.reach[i] >= line; i--) {
      if (group.byLine[i].location.endLine >= line) overlapping.push(group.byLine[i]);
    }
    for (const other of overlapping.sort((a, b) => order.get(a) - order.get(b))) {
      relate(semantic, other, sameChangeMessage(other.ruleId));
      relate(other, semantic, sameChangeMessage(semantic.ruleId));
    }
  }
}
function placeKey(f) {
  return f.resource && JSON.stringify([identityKey(f.resource), f.location.side, f.location.path]);
}
function lastStartingBy(byLine, line) {
  let lo = 0;
  let hi = byLine.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (byLine[mid].location.line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
function relate(finding, to, message) {
  const { path, line, endLine, side } = to.location;
  if (finding.related.some((r) => r.path === path && r.line === line && r.side === side && r.message === message)) return;
  finding.related.push({ path, line, endLine, side, message });
}

// src/rules/rule.ts
function defineRule(rule) {
  return rule;
}
function reportOnce(report) {
  const seen = /* @__PURE__ */ new Set();
  return (input) => {
    const id = `${input.at.resource.key} ${input.key}`;
    if (seen.has(id)) return;
    seen.add(id);
    report(input);
  };
}

// src/rules/manifest/manifest-none-read.ts
function silentSides(trees) {
  const found = [];
  for (const side of ["base", "head"]) {
    const census = trees?.[side];
    if (!census || census.selected > 0) continue;
    const tree = census.tree;
    if (tree && tree.files > 0) {
      const count = `${tree.capped ? "at least " : ""}${tree.files} file${tree.files === 1 ? "" : "s"}`;
      found.push({
        side,
        census,
        message: `The ${side} (${census.description}) has ${count} (${tree.manifests} named .yaml, .yml or .json) but reads none of them: ${selectionText(census)} select nothing, so nothing on this side was analyzed`
      });
    } else if (side === "head" && trees?.base && trees.base.selected > 0) {
      found.push({
        side,
        census,
        message: `The head (${census.description}) has no manifest files while the base (${trees.base.description}) has ${trees.base.selected}: every object of the base counts as deleted`
      });
    }
  }
  return found;
}
function selectionText({ selection, globsFrom }) {
  const globs = (list) => `[${list.join(", ")}]`;
  const include = selection.include.length > 0 ? `include ${globs(selection.include)}` : "include (every .yaml, .yml and .json)";
  const exclude = selection.exclude.length > 0 ? `exclude ${globs(selection.exclude)}` : "no exclude";
  return `${include} and ${exclude} (from ${globsFrom})`;
}
var manifest_none_read_default = defineRule({
  id: "manifest-none-read",
  kind: "diff",
  modes: ["pr", "audit"],
  severity: "high",
  description: "The head reads no manifest file although its tree has files (include/exclude select nothing), or has none while the base has some: nothing was analyzed.",
  check({ trees, reportAt }) {
    for (const { side, census, message } of silentSides(trees)) {
      if (side !== "head") continue;
      reportAt?.({ message: `${message}. The gate fails: a check that analyzed nothing must not pass.`, path: census.location.path, line: census.location.line, side, key: "none-read" });
    }
  }
});

// src/rules/admin/coverage.ts
function selectionWithin(a, b) {
  return isSubsetOf(a.namespaces, b.namespaces) && isSubsetOf(a.pods, b.pods);
}
function selectionsOverlap(a, b) {
  return overlaps(a.namespaces, b.namespaces) && overlaps(a.pods, b.pods);
}
function networksOf(peers) {
  return IpSet.unionAll(peers.flatMap((p) => p.type === "networks" ? [p.addresses] : []));
}
function peerWithin(peer, within) {
  if (peer.type === "networks") return peer.addresses.isSubsetOf(networksOf(within));
  if (peer.type === "nodes") return within.some((q) => q.type === "nodes" && isSubsetOf(peer.nodes, q.nodes));
  return within.some((q) => q.type === "pods" && selectionWithin(peer, q));
}
function peersOverlap(a, b) {
  if (!networksOf(a).intersect(networksOf(b)).isEmpty()) return true;
  return a.some((p) => b.some((q) => p.type === "pods" && q.type === "pods" && selectionsOverlap(p, q) || p.type === "nodes" && q.type === "nodes" && overlaps(p.nodes, q.nodes)));
}
function portMeaning(ports) {
  if (ports === "all") return { numbered: ConnectionSet.ALL, named: /* @__PURE__ */ new Set() };
  return { numbered: adminPortConnections(ports, []), named: new Set(ports.flatMap((p) => p.type === "namedPort" ? [p.name] : [])) };
}
function portsWithin(ports, within) {
  const [a, b] = [portMeaning(ports), portMeaning(within)];
  return a.numbered.isSubsetOf(b.numbered) && (b.numbered.isAll() || [...a.named].every((n) => b.named.has(n)));
}
function portsOverlap(a, b) {
  const [x, y] = [portMeaning(a), portMeaning(b)];
  if (!x.numbered.intersect(y.numbered).isEmpty()) return true;
  return x.named.size > 0 && (y.named.size > 0 || !y.numbered.isEmpty()) || y.named.size > 0 && !x.numbered.isEmpty();
}
function rulesOverlap(a, b) {
  return a.rule.direction === b.rule.direction && selectionsOverlap(a.subject, b.subject) && peersOverlap(a.rule.peers, b.rule.peers) && portsOverlap(a.rule.ports, b.rule.ports);
}
function sameMatch(a, b) {
  return a.direction === b.direction && portsWithin(a.ports, b.ports) && portsWithin(b.ports, a.ports) && a.peers.every((p) => peerWithin(p, b.peers)) && b.peers.every((p) => peerWithin(p, a.peers));
}
function ruleCovers(rule, other) {
  return rule.direction === other.direction && portsWithin(other.ports, rule.ports) && other.peers.every((p) => peerWithin(p, rule.peers));
}
function isEverythingPeer(peer) {
  if (peer.type === "pods") return selectsEverything(peer.namespaces);
  return peer.type === "networks" && peer.cidrs.some((c) => parseCidr(c.text)?.prefix === 0);
}
function describeAdminPeer(peer) {
  if (peer.type === "networks") return `networks ${peer.cidrs.map((c) => code(c.text)).join(", ")}`;
  if (peer.type === "nodes") return `nodes ${code(describeSelector(peer.nodes))}`;
  return describeSelection(peer);
}
function describeSelection(selection) {
  const namespaces = selectsEverything(selection.namespaces) ? "every namespace" : `namespaces ${code(describeSelector(selection.namespaces))}`;
  return `${selectsEverything(selection.pods) ? "every pod" : `pods ${code(describeSelector(selection.pods))}`} in ${namespaces}`;
}
function describeAdminPorts(ports) {
  if (ports === "all") return "every port and protocol";
  const { numbered, named } = portMeaning(ports);
  return [...numbered.isEmpty() ? [] : [numbered.toString()], ...[...named].map((n) => `named port ${code(n)}`)].join(", ") || "no port";
}
function describeAddedPorts(ports, within) {
  const [a, b] = [portMeaning(ports), portMeaning(within)];
  const extra = a.numbered.subtract(b.numbered);
  const names = b.numbered.isAll() ? [] : [...a.named].filter((n) => !b.named.has(n));
  return [...extra.isEmpty() ? [] : [extra.toString()], ...names.map((n) => `named port ${code(n)}`)].join(", ");
}

// src/rules/admin/policies.ts
function changedAdminPolicies(changed) {
  return changedOfKind(changed, "AdminNetworkPolicy");
}
function changedBaselinePolicies(changed) {
  return changedOfKind(changed, "BaselineAdminNetworkPolicy").filter((pair) => (pair.before ?? pair.after).resource.name === "default");
}
function changedOfKind(changed, kind) {
  const of = (resource) => {
    const policy = resource && clusterPolicyOf(resource);
    return policy?.kind === kind ? policy : void 0;
  };
  return changed.map((pair) => ({ before: of(pair.before), after: of(pair.after) })).filter((pair) => pair.before || pair.after);
}
function pairRules(before, after) {
  const pairing = { pairs: [], removed: [], added: [] };
  for (const direction of DIRECTIONS) {
    const base = [...before.rules[direction]];
    const head = [...after.rules[direction]];
    const take2 = (match) => {
      for (const h of [...head]) {
        const b = base.find((r) => match(r, h));
        if (!b) continue;
        pairing.pairs.push([b, h]);
        base.splice(base.indexOf(b), 1);
        head.splice(head.indexOf(h), 1);
      }
    };
    take2((b, h) => h.name !== "" && b.name === h.name);
    take2((b, h) => b.action === h.action && sameMatch(b, h));
    take2((b, h) => sameMatch(b, h));
    take2((b, h) => b.name === "" && h.name === "" && b.index === h.index);
    pairing.removed.push(...base);
    pairing.added.push(...head);
  }
  return pairing;
}
var OPENNESS = { Deny: 0, Pass: 1, Allow: 2 };
function loosens(before, after) {
  return OPENNESS[after] > OPENNESS[before];
}
function opens(rule) {
  return rule.action !== "Deny";
}
function describeAdminRule(rule) {
  return `${rule.direction} rule ${rule.name ? code(rule.name) : rule.index}`;
}
function clusterPolicyName(policy) {
  return `${policy.kind} ${code(policy.resource.name)}`;
}
function nameWithPriority(policy) {
  return `${clusterPolicyName(policy)}${Number.isNaN(policy.priority) ? "" : ` (priority ${policy.priority})`}`;
}
function rulesOf(policy) {
  return [...policy.rules.ingress, ...policy.rules.egress];
}

// src/rules/admin/anp-action-loosened.ts
var CONSEQUENCE = {
  "Deny Allow": "they are now allowed before any NetworkPolicy is consulted, and no NetworkPolicy or later ANP can deny them",
  "Deny Pass": "they are now handed to the NetworkPolicies, or to the BaselineAdminNetworkPolicy for pods no NetworkPolicy selects; where neither denies them they are allowed",
  "Pass Allow": "the NetworkPolicies (and the BaselineAdminNetworkPolicy) no longer decide them: they are allowed whatever those say"
};
var SEVERITY = { "Deny Allow": "high", "Deny Pass": "high", "Pass Allow": "medium" };
var anp_action_loosened_default = defineRule({
  id: "anp-action-loosened",
  kind: "diff",
  severity: "high",
  description: "An AdminNetworkPolicy rule's action lets more through: Deny → Allow or Pass, Pass → Allow; critical when the rule matches every namespace or 0.0.0.0/0.",
  check(context) {
    for (const { before, after } of changedAdminPolicies(context.changed)) {
      if (!before || !after) continue;
      for (const [was, now] of pairRules(before, after).pairs) {
        if (!loosens(was.action, now.action)) continue;
        const change = `${was.action} ${now.action}`;
        const peers = now.peers.map(describeAdminPeer).join("; ");
        const towards = now.direction === "ingress" ? `from ${peers} to` : `to ${peers} from`;
        context.report({
          message: `${nameWithPriority(after)}: ${describeAdminRule(now)} is now ${now.action} (was ${was.action}) for connections ${towards} ${describeSelection(after.subject)} on ${describeAdminPorts(now.ports)}: ${CONSEQUENCE[change]}.`,
          at: { resource: after.resource, path: now.actionPath, side: "head" },
          severity: now.peers.some(isEverythingPeer) ? "critical" : SEVERITY[change],
          key: `${now.direction} ${now.name || now.index} ${change}`,
          related: [{ resource: before.resource, path: was.actionPath, side: "base", message: `in base, this rule was ${was.action}` }]
        });
      }
    }
  }
});

// src/rules/admin/anp-deleted.ts
var anp_deleted_default = defineRule({
  id: "anp-deleted",
  kind: "diff",
  severity: "high",
  description: "An AdminNetworkPolicy with a Deny rule (or a Pass rule a later Allow now overrides) is gone, and no remaining ANP of the same or an earlier priority denies the same; critical when it denied every namespace or 0.0.0.0/0.",
  check(context) {
    const head = clusterPoliciesOf(context.head).admin;
    for (const { before, after } of changedAdminPolicies(context.changed)) {
      if (!before || after) continue;
      const lost = rulesOf(before).filter((rule) => !replaced(before, rule, head) && (rule.action === "Deny" || rule.action === "Pass" && overriddenPass(before, rule, head)));
      if (lost.length === 0) continue;
      const denies = lost.filter((r) => r.action === "Deny");
      const passes = lost.filter((r) => r.action === "Pass");
      const list = (rules, action) => rules.length === 0 ? [] : [`its ${action} ${rules.map(describeAdminRule).join(", ")} ${rules.length === 1 ? "is" : "are"} gone`];
      const consequences = [
        ...denies.length > 0 ? ["what it denied now goes to the later ANPs, the NetworkPolicies and the BaselineAdminNetworkPolicy, and is allowed where none of them denies it"] : [],
        ...passes.length > 0 ? ["what it passed to the NetworkPolicies is now decided by a later ANP Allow"] : []
      ];
      context.report({
        message: `${nameWithPriority(before)} was deleted: ${[...list(denies, "Deny"), ...list(passes, "Pass")].join(" and ")}, and no remaining AdminNetworkPolicy of the same or an earlier priority does the same; ${consequences.join("; ")}.`,
        at: { resource: before.resource, side: "base" },
        severity: denies.some((r) => r.peers.some(isEverythingPeer)) ? "critical" : void 0,
        key: "deleted"
      });
    }
  }
});
function replaced(policy, rule, head) {
  return head.some((other) => other.priority <= policy.priority && selectionWithin(policy.subject, other.subject) && other.rules[rule.direction].some((candidate, i) => candidate.action === rule.action && ruleCovers(candidate, rule) && !other.rules[rule.direction].slice(0, i).some((earlier) => earlier.action !== rule.action && rulesOverlap({ subject: other.subject, rule: earlier }, { subject: policy.subject, rule }))));
}
function overriddenPass(policy, rule, head) {
  return head.some((other) => other.priority >= policy.priority && other.rules[rule.direction].some((candidate) => candidate.action === "Allow" && rulesOverlap({ subject: other.subject, rule: candidate }, { subject: policy.subject, rule })));
}

// src/rules/admin/broadenings.ts
function ruleBroadenings(before, after) {
  const out = [];
  const field = after.direction === "ingress" ? "from" : "to";
  for (const peer of after.peers) {
    if (peerWithin(peer, before.peers)) continue;
    const severity = isEverythingPeer(peer) ? "critical" : "high";
    if (peer.type === "networks") {
      const known = networksOf(before.peers);
      const cidr = peer.cidrs.find((c) => !IpSet.fromCidr(c.text).isSubsetOf(known)) ?? peer.cidrs[0];
      const added = peer.addresses.subtract(known);
      out.push({ path: cidr?.path ?? peer.path, what: `\`${field}\` ${describeAdminPeer(peer)} now also matches ${describeAddresses(added)}`, key: `${field} ${describeAdminPeer(peer)}`, severity });
    } else {
      const path = peer.type === "nodes" ? [...peer.path, "nodes"] : [...peer.path, peer.field];
      out.push({
        path,
        what: `\`${field}\` peer ${describeAdminPeer(peer)} matches more than the base peers did (${before.peers.map(describeAdminPeer).join("; ")})`,
        key: `${field} ${describeAdminPeer(peer)}`,
        severity
      });
    }
  }
  if (!portsWithin(after.ports, before.ports)) {
    const severity = after.peers.some(isEverythingPeer) ? "critical" : "medium";
    if (after.ports === "all") {
      out.push({ path: after.path, what: `now matches every port and protocol (its \`ports\` were ${describeAdminPorts(before.ports)})`, key: "ports all", severity });
    } else {
      for (const port of after.ports) {
        if (portsWithin([port], before.ports)) continue;
        const added = describeAddedPorts([port], before.ports);
        out.push({ path: port.path, what: `now also matches ${added} (base ports: ${describeAdminPorts(before.ports)})`, key: `port ${added}`, severity });
      }
    }
  }
  return out;
}
function subjectBroadening(before, after) {
  const openers = rulesOf(after).filter(opens);
  if (openers.length === 0 || selectionWithin(after.subject, before.subject)) return void 0;
  const severity = openers.some((rule) => rule.peers.some(isEverythingPeer)) ? "critical" : "high";
  return {
    path: [...after.subject.path, after.subject.field],
    what: `its subject now selects ${describeSelection(after.subject)} (was ${describeSelection(before.subject)}), so its ${openers.length === 1 ? "Allow/Pass rule now applies" : `${openers.length} Allow/Pass rules now apply`} to pods it did not select ` + (openers.some((rule) => rule.action === "Allow") ? "(an Allow overrides their NetworkPolicies)" : "(a Pass lets their connections skip every later ANP Deny)"),
    key: "subject",
    severity
  };
}

// src/rules/admin/anp-peer-broadened.ts
var anp_peer_broadened_default = defineRule({
  id: "anp-peer-broadened",
  kind: "diff",
  severity: "high",
  description: "An AdminNetworkPolicy Allow or Pass rule matches more: a namespaces/pods selector that selects more, wider networks CIDRs, more ports; critical for every namespace or 0.0.0.0/0.",
  check(context) {
    for (const { before, after } of changedAdminPolicies(context.changed)) {
      if (!before || !after) continue;
      for (const [was, now] of pairRules(before, after).pairs) {
        if (!opens(was) || !opens(now)) continue;
        for (const b of ruleBroadenings(was, now)) {
          context.report({
            message: `${nameWithPriority(after)}: ${now.action} ${describeAdminRule(now)} ${b.what}. The connections it matches ${now.action === "Allow" ? "are allowed before any NetworkPolicy is consulted" : "skip every later ANP Deny"}, so the newly matched ones are open to the pods of its subject.`,
            at: { resource: after.resource, path: b.path, side: "head" },
            severity: b.severity,
            key: `${now.direction} ${now.name || now.index} ${b.key}`,
            related: [{ resource: before.resource, path: was.path, side: "base", message: "the rule in base" }]
          });
        }
      }
    }
  }
});

// src/rules/admin/anp-priority-reordered.ts
var anp_priority_reordered_default = defineRule({
  id: "anp-priority-reordered",
  kind: "diff",
  severity: "high",
  description: "An AdminNetworkPolicy priority change lets an Allow or Pass rule take precedence over (or tie with) an overlapping Deny of another ANP it used to lose to.",
  check(context) {
    const moved = changedAdminPolicies(context.changed).filter((p) => p.before !== void 0 && p.after !== void 0 && validPriority(p.before) && validPriority(p.after) && p.before.priority !== p.after.priority);
    if (moved.length === 0) return;
    const baseByName = new Map(clusterPoliciesOf(context.base).admin.map((p) => [p.resource.name, p]));
    const others = clusterPoliciesOf(context.head).admin.flatMap((after) => {
      const before = baseByName.get(after.resource.name);
      return before && validPriority(before) && validPriority(after) ? [{ before, after }] : [];
    });
    const movedNames = new Set(moved.map((m) => m.after.resource.name));
    for (const changed of moved) {
      for (const other of others) {
        if (other.after.resource.name === changed.after.resource.name) continue;
        report(changed, other, changed);
        if (!movedNames.has(other.after.resource.name)) report(other, changed, changed);
      }
    }
    function report(opener, denier, blamed2) {
      const [was, now] = [opener.before.priority - denier.before.priority, opener.after.priority - denier.after.priority];
      if (was <= 0 || now > 0) return;
      const contests = contestsOf(opener, denier);
      if (contests.length === 0) return;
      const [{ opener: rule, deny }] = contests;
      const tie = now === 0;
      const more = contests.length > 1 ? ` (and ${contests.length - 1} more overlapping rule pair${contests.length === 2 ? "" : "s"})` : "";
      const outcome = rule.action === "Allow" ? "allowed" : "handed to the NetworkPolicies";
      const other = blamed2 === opener ? denier : opener;
      const [own, theirs] = blamed2 === opener ? [rule, deny] : [deny, rule];
      const position = tie ? "the same as" : blamed2 === opener ? "ahead of" : "behind";
      const otherPriority = `priority ${other.after.priority}${other.after.priority === other.before.priority ? "" : `, was ${other.before.priority}`}`;
      context.report({
        message: `${clusterPolicyName(blamed2.after)}: priority now ${blamed2.after.priority} (was ${blamed2.before.priority}), ${position} ${clusterPolicyName(other.after)} (${otherPriority}), whose ${describeAdminRule(theirs)} (${theirs.action}) overlaps its ${describeAdminRule(own)} (${own.action})${more}. ` + (tie ? `The API leaves the order of equal priorities undefined, so the connections both match may be ${outcome} instead of denied.` : `The connections both match, denied in base, are now ${outcome}.`),
        at: { resource: blamed2.after.resource, path: blamed2.after.priorityPath, side: "head" },
        severity: tie ? "medium" : rule.peers.some(isEverythingPeer) && deny.peers.some(isEverythingPeer) ? "critical" : "high",
        key: `${opener.after.resource.name} over ${denier.after.resource.name}`,
        related: [{ resource: denier.after.resource, path: deny.actionPath, side: "head", message: `the Deny rule of ${clusterPolicyName(denier.after)} that ${clusterPolicyName(opener.after)} ${tie ? "now ties with" : "now wins over"}` }]
      });
    }
  }
});
function contestsOf(opener, denier) {
  const baseOf = (v) => new Map(pairRules(v.before, v.after).pairs.map(([b, h]) => [h, b]));
  const [openerBase, denierBase] = [baseOf(opener), baseOf(denier)];
  const contests = [];
  for (const rule of rulesOf(opener.after).filter(opens)) {
    const ruleBefore = openerBase.get(rule);
    if (!ruleBefore || !opens(ruleBefore)) continue;
    for (const deny of rulesOf(denier.after).filter((r) => r.action === "Deny")) {
      const denyBefore = denierBase.get(deny);
      if (denyBefore?.action !== "Deny") continue;
      if (rulesOverlap({ subject: opener.after.subject, rule }, { subject: denier.after.subject, rule: deny }) && rulesOverlap({ subject: opener.before.subject, rule: ruleBefore }, { subject: denier.before.subject, rule: denyBefore })) {
        contests.push({ opener: rule, deny });
      }
    }
  }
  return contests;
}
function validPriority(policy) {
  return !Number.isNaN(policy.priority);
}

// src/rules/admin/anp-subject-broadened.ts
var anp_subject_broadened_default = defineRule({
  id: "anp-subject-broadened",
  kind: "diff",
  severity: "high",
  description: "The subject of an AdminNetworkPolicy with Allow or Pass rules selects pods it did not, so those rules override their NetworkPolicies; critical when such a rule matches every namespace or 0.0.0.0/0.",
  check(context) {
    for (const { before, after } of changedAdminPolicies(context.changed)) {
      if (!before || !after) continue;
      const b = subjectBroadening(before, after);
      if (!b) continue;
      context.report({
        message: `${nameWithPriority(after)}: ${b.what}.`,
        at: { resource: after.resource, path: b.path, side: "head" },
        severity: b.severity,
        key: b.key,
        related: [{ resource: before.resource, path: [...before.subject.path, before.subject.field], side: "base", message: "the subject in base" }]
      });
    }
  }
});

// src/rules/admin/banp-deleted.ts
var banp_deleted_default = defineRule({
  id: "banp-deleted",
  kind: "diff",
  severity: "high",
  description: "The BaselineAdminNetworkPolicy `default` with Deny rules is gone: the pods no NetworkPolicy selects lose their cluster-wide default deny; critical when it denied every namespace or 0.0.0.0/0.",
  check(context) {
    for (const { before, after } of changedBaselinePolicies(context.changed)) {
      if (!before || after) continue;
      const denies = rulesOf(before).filter((rule) => rule.action === "Deny");
      if (denies.length === 0) continue;
      context.report({
        message: `${clusterPolicyName(before)} was deleted with its Deny ${denies.map(describeAdminRule).join(", ")}: for ${denies.length === 1 ? "the connections it denied" : "the connections they denied"}, pods that no NetworkPolicy selects are now open (no ANP or NetworkPolicy denies them, so they are allowed).`,
        at: { resource: before.resource, side: "base" },
        severity: denies.some((r) => r.peers.some(isEverythingPeer)) ? "critical" : void 0,
        key: "deleted"
      });
    }
  }
});

// src/rules/admin/banp-loosened.ts
var banp_loosened_default = defineRule({
  id: "banp-loosened",
  kind: "diff",
  severity: "high",
  description: "The BaselineAdminNetworkPolicy `default` denies less or allows more: a Deny turned Allow, removed or narrowed, the subject of its Deny rules narrowed, an Allow rule's peers, ports or subject broadened.",
  check(context) {
    for (const { before, after } of changedBaselinePolicies(context.changed)) {
      if (!before || !after) continue;
      const name = clusterPolicyName(after);
      const report = (input) => context.report({
        ...input,
        message: `${name}: ${input.what}. The BaselineAdminNetworkPolicy decides for the pods no NetworkPolicy selects; what it no longer denies is allowed.`
      });
      const { pairs, removed } = pairRules(before, after);
      for (const [was, now] of pairs) {
        const rule = describeAdminRule(now);
        if (was.action === "Deny" && now.action === "Allow") {
          report({
            what: `${rule} is now Allow (was Deny) for ${now.peers.map(describeAdminPeer).join("; ")} on ${describeAdminPorts(now.ports)}`,
            at: { resource: after.resource, path: now.actionPath, side: "head" },
            severity: now.peers.some(isEverythingPeer) ? "critical" : void 0,
            key: `${now.direction} ${now.name || now.index} action`
          });
        } else if (was.action === "Deny" && now.action === "Deny" && !ruleCovers(now, was)) {
          report({
            what: `Deny ${rule} now matches less than in base (${was.peers.map(describeAdminPeer).join("; ")} on ${describeAdminPorts(was.ports)})`,
            at: { resource: after.resource, path: now.path, side: "head" },
            severity: "high",
            key: `${now.direction} ${now.name || now.index} narrowed`
          });
        } else if (was.action === "Allow" && now.action === "Allow") {
          for (const b of ruleBroadenings(was, now)) {
            report({ what: `Allow ${rule} ${b.what}`, at: { resource: after.resource, path: b.path, side: "head" }, severity: b.severity, key: `${now.direction} ${now.name || now.index} ${b.key}` });
          }
        }
      }
      for (const was of removed.filter((r) => r.action === "Deny")) {
        report({
          what: `Deny ${describeAdminRule(was)} (${was.peers.map(describeAdminPeer).join("; ")} on ${describeAdminPorts(was.ports)}) was removed`,
          at: { resource: before.resource, path: was.path, side: "base" },
          severity: was.peers.some(isEverythingPeer) ? "critical" : void 0,
          key: `${was.direction} ${was.name || was.index} removed`
        });
      }
      const subject = subjectBroadening(before, after);
      if (subject) report({ what: subject.what, at: { resource: after.resource, path: subject.path, side: "head" }, severity: subject.severity, key: subject.key });
      const denies = rulesOf(before).filter((r) => r.action === "Deny");
      if (denies.length > 0 && !selectionWithin(before.subject, after.subject)) {
        report({
          what: `its subject now selects ${describeSelection(after.subject)} (was ${describeSelection(before.subject)}): the pods it no longer selects lose its ${denies.length} Deny rule${denies.length === 1 ? "" : "s"}`,
          at: { resource: after.resource, path: [...after.subject.path, after.subject.field], side: "head" },
          severity: "high",
          key: "subject narrowed"
        });
      }
    }
  }
});

// src/rules/admin/index.ts
var ADMIN_RULES = [anp_action_loosened_default, anp_deleted_default, anp_peer_broadened_default, anp_priority_reordered_default, anp_subject_broadened_default, banp_deleted_default, banp_loosened_default];

// src/rules/audit/ingress-catch-all-path.ts
var ingressCatchAllPath = defineRule({
  id: "ingress-catch-all-path",
  kind: "state",
  severity: "low",
  modes: ["audit"],
  description: "An entry point matches every path of its hosts (Prefix `/`, a default backend, a route without matches), so everything the backend serves is reachable from outside.",
  check({ model, report }) {
    for (const row of buildExposureMap(model).rows) {
      if (!row.catchAll || row.backends.length === 0) continue;
      const { kind, namespace, name } = row.object;
      const backends = row.backends.map(describeBackend2).join(", ");
      report({
        message: `${kind} ${namespace}/${name} sends every path of ${row.host === "*" ? "every host" : `host ${code(row.host)}`} (${row.match}) to ${backends}: every endpoint of the backend, admin and debug paths included, is reachable through it.`,
        at: { resource: row.source.resource, path: row.source.path, side: "head" },
        key: row.key
      });
    }
  }
});

// src/rules/audit/ingress-wildcard-host.ts
var ingressWildcardHost = defineRule({
  id: "ingress-wildcard-host",
  kind: "state",
  severity: "medium",
  modes: ["audit"],
  description: "An entry point has no host (it answers for every host name) or a wildcard host, so requests for names nobody reviewed reach its backend.",
  check({ model, report }) {
    const reported = /* @__PURE__ */ new Set();
    for (const row of buildExposureMap(model).rows) {
      if (row.match === "default backend") continue;
      if (row.backends.length === 0) continue;
      if (row.object.kind === "TCPRoute" || row.object.kind === "UDPRoute") continue;
      const wildcard2 = row.host.startsWith("*.");
      if (row.hostMatch !== "any" && !wildcard2) continue;
      const { kind, namespace, name } = row.object;
      const place2 = `${kind}/${namespace}/${name}\0${row.host}\0${row.source.hostPath.join(".")}`;
      if (reported.has(place2)) continue;
      reported.add(place2);
      const what = wildcard2 ? `host ${code(row.host)}, which answers for every name ${row.hostMatch === "suffix" ? "under" : "one label under"} ${code(row.host.slice(2))}` : "no host: it answers for every host name that reaches the controller, including bare IP addresses";
      report({
        message: `${kind} ${namespace}/${name} has ${what}; name the exact hosts it serves.`,
        at: { resource: row.source.resource, path: row.source.hostPath, side: "head" },
        key: `${row.host.toLowerCase()}\0${row.source.hostPath.join(".")}`
      });
    }
  }
});

// src/rules/netpol/peers.ts
var NAMESPACE_NAME_LABEL2 = "kubernetes.io/metadata.name";
function ownNamespaceSelector(scope) {
  return parseSelector({ matchLabels: { [NAMESPACE_NAME_LABEL2]: scope.namespace } });
}
function namespacesWithin(a, b, scope) {
  if (a === "own") return b === "own" || matches(b, scope.labels);
  return isSubsetOf(a, b === "own" ? ownNamespaceSelector(scope) : b);
}
function podPeerWithin(a, b, scope) {
  return namespacesWithin(a.namespaces, b.namespaces, scope) && isSubsetOf(a.pods, b.pods);
}
function addressesOf(peers) {
  if (peers === "all") return IpSet.all();
  return IpSet.unionAll(peers.filter((p) => p.type === "ipBlock").map((p) => p.addresses));
}
function peersAdmit(peers, peer, scope) {
  return peers === "all" || peers.some((q) => q.type === "pods" && podPeerWithin(peer, q, scope));
}
var MAX_PORT2 = 65535;
function rangeOf(spec) {
  if (spec.port === void 0) return [1, MAX_PORT2];
  if (typeof spec.port === "string") return void 0;
  return [spec.port, spec.endPort ?? spec.port];
}
function portSpecWithin(spec, specs) {
  const same = specs.filter((s) => s.protocol === spec.protocol);
  if (typeof spec.port === "string") return same.some((s) => s.port === spec.port || s.port === void 0);
  const want = rangeOf(spec);
  if (!want) return false;
  const ranges = same.map(rangeOf).filter((r) => r !== void 0).sort((a, b) => a[0] - b[0]);
  let next = want[0];
  for (const [start, end] of ranges) {
    if (start > next) break;
    next = Math.max(next, end + 1);
    if (next > want[1]) return true;
  }
  return next > want[1];
}
var PROTOCOLS3 = ["TCP", "UDP", "SCTP"];
function coversEveryPort(ports) {
  return ports === "all" || PROTOCOLS3.every((protocol) => portSpecWithin({ protocol, path: [] }, ports));
}
function portsNotWithin(ports, bases) {
  if (bases.includes("all")) return [];
  const union = bases.flatMap((b) => b === "all" ? [] : b);
  if (ports === "all") return coversEveryPort(union) ? [] : "all";
  return ports.filter((p) => !portSpecWithin(p, union));
}

// src/rules/netpol/policies.ts
var namespaceLabelIndexes = /* @__PURE__ */ new WeakMap();
function namespaceLabels(model) {
  let labels = namespaceLabelIndexes.get(model);
  if (labels) return labels;
  labels = /* @__PURE__ */ new Map();
  for (const resource of model.byKey.values()) {
    if (resource.kind === "Namespace" && resource.group === "") labels.set(resource.name, resource.labels());
  }
  namespaceLabelIndexes.set(model, labels);
  return labels;
}
function policiesIn(model, namespace) {
  return policyIndexOf(model).in(namespace);
}
function scopeOf2(base, head, namespace) {
  const labels = namespaceLabels(head).get(namespace) ?? namespaceLabels(base).get(namespace) ?? {};
  return { namespace, labels: { ...labels, [NAMESPACE_NAME_LABEL2]: namespace } };
}
function changedPolicies(changed) {
  return changedModels(changed, isNetworkPolicy, networkPolicyOf);
}
function changedModels(changed, is, modelOf) {
  const out = [];
  for (const pair of changed) {
    const before = pair.before && is(pair.before) ? modelOf(pair.before) : void 0;
    const after = pair.after && is(pair.after) ? modelOf(pair.after) : void 0;
    if (before || after) out.push({ key: pair.key, before, after });
  }
  return out;
}
function policyName(policy) {
  return `${policy.resource.namespace}/${policy.resource.name}`;
}
function isAllowAll(rule) {
  return admitsEveryPeer(rule) && coversEveryPort(rule.ports);
}
var EVERY_IPV4 = IpSet.fromCidr("0.0.0.0/0");
function admitsEveryPeer(rule) {
  if (rule.peers === "all") return true;
  const everyPod = rule.peers.some((p) => p.type === "pods" && p.namespaces !== "own" && selectsEverything(p.namespaces) && selectsEverything(p.pods));
  return everyPod && EVERY_IPV4.isSubsetOf(addressesOf(rule.peers));
}
function isDefaultDeny(policy, direction) {
  return selectsEverything(policy.podSelector) && policy.isolates[direction] && policy.rules[direction].length === 0;
}
function describePolicyTypes(policy) {
  const types = [policy.isolates.ingress ? "Ingress" : "", policy.isolates.egress ? "Egress" : ""].filter(Boolean);
  return `[${types.join(", ")}]`;
}
function policyTypesPath(policy) {
  if (policy.policyTypesExplicit) return ["spec", "policyTypes"];
  return policy.resource.spec.egress !== void 0 ? ["spec", "egress"] : ["spec"];
}

// src/rules/audit/namespace-without-default-deny.ts
var namespaceWithoutDefaultDeny = defineRule({
  id: "namespace-without-default-deny",
  kind: "state",
  severity: "medium",
  modes: ["audit"],
  description: "A namespace that has workloads or is declared has no default deny for ingress (or egress): no NetworkPolicy or Cilium policy (a CiliumClusterwideNetworkPolicy over the namespace included) isolates every pod, and no AdminNetworkPolicy, BaselineAdminNetworkPolicy or Cilium deny rule denies everything to its pods, so any pod no other policy selects is open in that direction.",
  check({ model, side, report }) {
    const topology = buildTopology(model);
    const { admin, baseline } = clusterPoliciesOf(model);
    const namespaces = /* @__PURE__ */ new Set();
    const places = /* @__PURE__ */ new Map();
    for (const r of model.resources) {
      if (r.kind === "Namespace" && r.group === "") {
        namespaces.add(r.name);
        places.set(r.name, { resource: r, path: ["metadata", "name"], side });
      }
    }
    for (const w of topology.workloads) {
      namespaces.add(w.namespace);
      if (!places.has(w.namespace)) places.set(w.namespace, { resource: w.resources[0], path: ["metadata", "namespace"], side });
    }
    for (const namespace of [...namespaces].sort()) {
      const labels = topology.namespaces.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace };
      const everyPod = policyIndexOf(model).governing(namespace, labels).filter((p) => selectsEverything(p.podSelector));
      for (const direction of DIRECTIONS) {
        const isolatingAll = everyPod.filter((p) => p.isolates[direction]);
        const allowingAll = [...new Set(everyPod.filter((p) => (p.isolates[direction] || isCiliumModel(p)) && p.rules[direction].some(isAllowAll)).map(nameOf))];
        if (everyPod.some((p) => denyRulesOf(p, direction).some(isAllowAll))) continue;
        if (isolatingAll.length > 0 && allowingAll.length === 0) continue;
        const denies = (policy) => policy !== void 0 && coversNamespace(policy, labels) && policy.rules[direction].some(deniesEverything);
        if (admin.some(denies) || allowingAll.length === 0 && denies(baseline)) continue;
        const names = (list) => `${list.sort().join(", ")} allow${list.length === 1 ? "s" : ""}`;
        const why = isolatingAll.length === 0 ? `no NetworkPolicy or Cilium policy selects every pod and isolates ${direction}` : `${names(allowingAll)} all ${direction} to every pod`;
        const open = direction === "ingress" ? "accepts connections from every source, in and outside the cluster" : "may connect to every destination";
        report({
          message: `Namespace ${namespace} has no default deny for ${direction}: ${why}, so a pod no other policy isolates ${open}.`,
          at: places.get(namespace),
          // Egress: a missing egress default deny is common and less direct a risk than open ingress.
          ...direction === "egress" ? { severity: "low" } : {},
          key: `${namespace}:${direction}`
        });
      }
    }
  }
});
function nameOf(policy) {
  return isCiliumModel(policy) ? policyLabel(policy) : policyName(policy);
}

// src/semantics/cluster-deny.ts
function clusterTierVerdict(policies, over, direction) {
  const denying = [];
  const rules = policies.admin.filter(over).flatMap((policy) => policy.rules[direction].map((rule) => ({ policy, rule })));
  for (const { policy, rule } of rules) {
    if (coversEverything(rule)) {
      if (rule.action === "Deny") return { denied: true };
      if (rule.action === "Allow") return { denied: false, denying, allowed: true };
      break;
    }
    if (rule.action === "Deny" && !denying.includes(policy)) denying.push(policy);
  }
  const { baseline } = policies;
  if (baseline && over(baseline)) {
    const first = baseline.rules[direction].find((rule) => rule.action === "Deny" || coversEverything(rule));
    if (first?.action === "Deny" && coversEverything(first)) return { denied: true };
    if (first?.action === "Deny") denying.push(baseline);
  }
  return { denied: false, denying, allowed: false };
}
function coversEverything(rule) {
  return deniesEverything({ ...rule, action: "Deny" });
}

// src/rules/audit/workload-not-isolated.ts
var workloadNotIsolated = defineRule({
  id: "workload-not-isolated",
  kind: "state",
  severity: "low",
  modes: ["audit"],
  description: "A workload is selected by no NetworkPolicy or Cilium policy that isolates it for ingress (or egress), and no AdminNetworkPolicy, BaselineAdminNetworkPolicy or Cilium deny rule denies everything to it, so that direction is open (but for the deny rules the message names); medium when an entry point reaches it.",
  check({ model, side, report }) {
    const connectivity = Connectivity.of(model);
    const clusterPolicies = clusterPoliciesOf(model);
    for (const w of connectivity.topology.workloads) {
      const nsLabels = connectivity.topology.namespaces.get(w.namespace) ?? { [NAMESPACE_NAME_LABEL]: w.namespace };
      const policies = policyIndexOf(model).selecting(w.namespace, w.labels, nsLabels);
      for (const direction of DIRECTIONS) {
        if (policies.some((p) => p.isolates[direction])) continue;
        const admin = clusterTierVerdict(clusterPolicies, (p) => matches(p.subject.namespaces, nsLabels) && matches(p.subject.pods, w.labels), direction);
        if (admin.denied) continue;
        const ciliumDenying2 = admin.allowed ? [] : policies.filter((p) => denyRulesOf(p, direction).length > 0);
        if (ciliumDenying2.some((p) => denyRulesOf(p, direction).some(isAllowAll))) continue;
        const denying = [...admin.denying.map(describeClusterPolicy), ...ciliumDenying2.map(policyLabel)];
        const entry = direction === "ingress" && !connectivity.ingressConnection(w).isEmpty();
        const open = direction === "ingress" ? "every pod and address can connect to it" : "it can connect to every destination";
        const except = denying.length === 0 ? "" : ` except what ${joinNames(denying)} ${denying.length === 1 ? "denies" : "deny"}`;
        report({
          message: `Workload ${w.id} is not isolated for ${direction}: no NetworkPolicy or Cilium policy in ${w.namespace} selects its pod labels and isolates ${direction}, so ${open}${except}${entry ? " (and an entry point exposes it outside the cluster)" : ""}.`,
          at: { resource: w.resources[0], path: w.labelsPath, side },
          ...entry ? { severity: "medium" } : {},
          key: `${w.id}:${direction}`
        });
      }
    }
  }
});
function joinNames(names) {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

// src/rules/audit/index.ts
var AUDIT_RULES = [ingressCatchAllPath, ingressWildcardHost, namespaceWithoutDefaultDeny, workloadNotIsolated];

// src/rules/netpol/describe.ts
var PEER_WORD = {
  ingress: { one: "source", many: "sources", from: "from", field: "from" },
  egress: { one: "destination", many: "destinations", from: "to", field: "to" }
};
function describeNamespaces(namespaces, namespace) {
  if (namespaces === "own") return `namespace ${namespace}`;
  return selectsEverything(namespaces) ? "every namespace" : `namespaces ${code(describeSelector(namespaces))}`;
}
function describePeer(peer, namespace) {
  if (peer.type === "ipBlock") return `ipBlock ${code(peer.cidr)}${peer.except.length > 0 ? ` except ${peer.except.map((cidr) => code(cidr)).join(", ")}` : ""}`;
  const pods = selectsEverything(peer.pods) ? "every pod" : `pods ${code(describeSelector(peer.pods))}`;
  return `${pods} in ${describeNamespaces(peer.namespaces, namespace)}`;
}
function describePeers(peers, direction, namespace) {
  if (peers === "all") return `every ${PEER_WORD[direction].one}`;
  return peers.map((p) => describePeer(p, namespace)).join("; ");
}
function describePort(port) {
  if (port.port === void 0) return `${port.protocol} (every port)`;
  return `${port.protocol}/${port.port}${port.endPort !== void 0 ? `-${port.endPort}` : ""}`;
}
function describePorts(ports) {
  return ports === "all" ? "every port and protocol" : ports.map(describePort).join(", ");
}
function describeRule(rule, namespace) {
  const word2 = PEER_WORD[rule.direction];
  return `${rule.direction} rule ${rule.index} (${word2.from} ${describePeers(rule.peers, rule.direction, namespace)} on ${describePorts(rule.ports)})`;
}
function describePods(policy) {
  const ns = policy.resource.namespace;
  return selectsEverything(policy.podSelector) ? `every pod of namespace ${ns}` : `pods ${code(describeSelector(policy.podSelector))} of namespace ${ns}`;
}
function isolationNote(direction, isolatedBy) {
  const names = isolatedBy.slice(0, 3).map(policyName).join(", ") + (isolatedBy.length > 3 ? ", …" : "");
  return `these pods were isolated for ${direction} in base (by ${names})`;
}
function joinDirections(directions) {
  return directions.join(" and ");
}
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
var COUNT_FORMAT = new Intl.NumberFormat("en-US");
function formatCount(count) {
  return COUNT_FORMAT.format(count);
}

// src/rules/netpol/isolation.ts
function isolatingPolicies(model, namespace, selector2, direction) {
  return policyIndexOf(model).where(namespace, (p) => p.isolates[direction] && overlaps(p.podSelector, selector2));
}
function coveringPolicies(model, namespace, selector2, direction) {
  return policyIndexOf(model).where(namespace, (p) => p.isolates[direction] && isSubsetOf(selector2, p.podSelector));
}
function baselineRules(base, namespace, selector2, direction, preferKey) {
  const policies = coveringPolicies(base, namespace, selector2, direction).sort((a, b) => Number(b.resource.key === preferKey) - Number(a.resource.key === preferKey));
  return policies.flatMap((policy) => policy.rules[direction].map((rule) => ({ policy, rule })));
}
function relabelledWithItsPods(base, head, before, after) {
  const namespace = after.resource.namespace;
  if (deepEqual(before.resource.spec.podSelector, after.resource.spec.podSelector)) return false;
  const was = selectedWorkloads(buildTopology(base), namespace, before.podSelector);
  const is = selectedWorkloads(buildTopology(head), namespace, after.podSelector);
  return is.length > 0 && was.length === is.length && was.every((id, i) => id === is[i]);
}
function selectedWorkloads(topology, namespace, selector2) {
  return workloadsIn(topology, namespace).filter((w) => matches(selector2, w.labels)).map((w) => w.id).sort();
}
function admitsEverything(rules) {
  return rules.some((r) => isAllowAll(r.rule));
}
function losesIsolation(base, head, policy, direction) {
  const namespace = policy.resource.namespace;
  if (!policy.isolates[direction] || selectsNothing(policy.podSelector)) return false;
  if (stillIsolated(base, head, policy, direction) || closedAnyway(base, head, policy, direction)) return false;
  return !admitsEverything(baselineRules(base, namespace, policy.podSelector, direction));
}
function stillIsolated(base, head, policy, direction) {
  return policiesSelectingAllOf(head, policy, scopeOf2(base, head, policy.resource.namespace).labels).some((p) => p.isolates[direction]);
}
function closedAnyway(base, head, policy, direction) {
  const { labels } = scopeOf2(base, head, policy.resource.namespace);
  if (policiesSelectingAllOf(head, policy, labels).some((p) => denyRulesOf(p, direction).some(isAllowAll))) return true;
  const inNamespaces = (p) => policy.resource.namespace === "" ? isCiliumModel(policy) && isSubsetOf(policy.subjectNamespaces, p.subject.namespaces) : matches(p.subject.namespaces, labels);
  return clusterTierVerdict(clusterPoliciesOf(head), (p) => inNamespaces(p) && isSubsetOf(policy.podSelector, p.subject.pods), direction).denied;
}
function policiesSelectingAllOf(model, policy, nsLabels) {
  const namespace = policy.resource.namespace;
  const within = (p) => isSubsetOf(policy.podSelector, p.podSelector);
  const clusterwide = policiesIn(model, "").filter(isCiliumModel).filter(within);
  if (namespace === "") return isCiliumModel(policy) ? clusterwide.filter((p) => isSubsetOf(policy.subjectNamespaces, p.subjectNamespaces)) : [];
  return [...policyIndexOf(model).where(namespace, within), ...clusterwide.filter((p) => matches(p.subjectNamespaces, nsLabels))];
}

// src/rules/cilium/specs.ts
function changedCiliumPolicies(changed) {
  return changedModels(changed, isCiliumPolicy, ciliumPolicyOf);
}
function changedSpecs(context) {
  const out = [];
  for (const { before, after } of changedCiliumPolicies(context.changed)) {
    if (!before || !after) continue;
    for (const spec of after.policies) {
      const old = counterpart(spec, before.policies);
      if (old) out.push({ before: old, after: spec });
    }
  }
  return out;
}
function counterpart(spec, others) {
  const samePlace = others.find((p) => formatFieldPath(p.specPath) === formatFieldPath(spec.specPath));
  const sameEndpoints = (p) => compareSelectors(p.podSelector, spec.podSelector) === "equal" && compareSelectors(p.subjectNamespaces, spec.subjectNamespaces) === "equal";
  if (samePlace && sameEndpoints(samePlace)) return samePlace;
  return others.find(sameEndpoints) ?? samePlace;
}
function allowComparisons(context) {
  const out = [];
  for (const { after } of changedCiliumPolicies(context.changed)) {
    for (const policy of after?.policies ?? []) {
      const namespace = policy.resource.namespace;
      const scope = scopeFor(context, policy);
      const clusterwide = (p) => namespace !== "" && isCiliumModel(p) && matches(p.subjectNamespaces, scope.labels);
      for (const direction of ["ingress", "egress"]) {
        if (policy.rules[direction].length === 0) continue;
        const isolated = isolatingPolicies(context.base, namespace, policy.podSelector, direction).length > 0 || namespace !== "" && isolatingPolicies(context.base, "", policy.podSelector, direction).some(clusterwide);
        if (!isolated) continue;
        const base = [
          ...baselineRules(context.base, namespace, policy.podSelector, direction, policy.resource.key),
          ...namespace !== "" ? baselineRules(context.base, "", policy.podSelector, direction).filter((b) => clusterwide(b.policy)) : []
        ];
        out.push({ policy, direction, scope, base, head: policy.rules[direction] });
      }
    }
  }
  return out;
}
function scopeFor(context, policy) {
  const namespace = policy.resource.namespace;
  return namespace ? scopeOf2(context.base, context.head, namespace) : { namespace: "", labels: {} };
}
function ruleName(rule, policy) {
  return `${policyLabel(policy)}: ${rule.field} rule ${rule.index}`;
}
function describeCiliumPeer(peer, namespace) {
  if (!("field" in peer)) return describePeer(peer, namespace);
  const cilium = peer;
  if (cilium.entity) return `${cilium.field} ${code(cilium.entity)}`;
  if (cilium.type === "ipBlock") return `${cilium.field} ${code(cilium.cidr)}${cilium.except.length > 0 ? ` except ${cilium.except.map((c) => code(c)).join(", ")}` : ""}`;
  return `${cilium.field} ${describePeer(peer, namespace)}`;
}
function headDenyRules(model, policy, scope, direction) {
  return policiesSelectingAllOf(model, policy, scope.labels).flatMap((p) => [...denyRulesOf(p, direction)]);
}
function undeniedPeers(heads, base, scope) {
  const deniedOnAllPorts = (holding) => {
    const left = portsNotWithin(base.ports, holding.map((h) => h.ports));
    return left !== "all" && left.length === 0;
  };
  const everyone = heads.filter((h) => h.peers === "all");
  if (base.peers === "all") return deniedOnAllPorts(everyone) ? [] : "all";
  return base.peers.filter((peer) => !deniedOnAllPorts(heads.filter((h) => h.peers === "all" || (peer.type === "pods" ? peersAdmit(h.peers, peer, scope) : h.peers.some((q) => q.type === "ipBlock" && peer.addresses.isSubsetOf(q.addresses))))));
}

// src/rules/cilium/cilium-approximated.ts
var cilium_approximated_default = defineRule({
  id: "cilium-approximated",
  kind: "diff",
  modes: ["pr", "audit"],
  severity: "info",
  description: "A Cilium policy the change adds or edits has parts segguard records but does not evaluate (L7 http/dns/kafka rules, toFQDNs, the host or kube-apiserver entities, nodeSelector rules); its connectivity is analyzed at L3/L4.",
  check(context) {
    let count = 0;
    for (const { after } of changedCiliumPolicies(context.changed)) {
      for (const approximation of after?.approximations ?? []) {
        count++;
        context.report({
          message: `${resourceLabel(after.resource)}: ${approximation.message} (at ${formatFieldPath(approximation.path)}).`,
          at: { resource: after.resource, path: approximation.path, side: "head" },
          key: `${formatFieldPath(approximation.path)}\0${approximation.message}`
        });
      }
    }
    if (count > 0) context.note?.("cilium: L7 rules and toFQDNs are not evaluated; Cilium policies are analyzed at L3/L4 (cilium-approximated lists what was approximated)");
  }
});

// src/rules/cilium/cilium-cidr-widened.ts
var cilium_cidr_widened_default = defineRule({
  id: "cilium-cidr-widened",
  kind: "diff",
  severity: "high",
  description: "A Cilium fromCIDR/toCIDR/fromCIDRSet/toCIDRSet now admits addresses the base did not admit for the same endpoints (a wider cidr, a removed except, a new block); critical when an ingress CIDR becomes 0.0.0.0/0 or ::/0.",
  check(context) {
    for (const { policy, direction, base, head } of allowComparisons(context)) {
      const before = base.reduce((set, b) => set.union(addressesOf(b.rule.peers)), addressesOf([]));
      for (const rule of head) {
        for (const peer of rule.peers === "all" ? [] : rule.peers) {
          if (peer.type !== "ipBlock" || !peer.field.includes("CIDR")) continue;
          const added = peer.addresses.subtract(before);
          if (added.isEmpty()) continue;
          const everything = peer.cidr.endsWith("/0");
          context.report({
            message: `${ruleName(rule, policy)} now admits ${describeAddresses(added)} through ${describeCiliumPeer(peer, policy.resource.namespace)}, which no base rule admitted ${direction === "ingress" ? "as sources" : "as destinations"} of these endpoints${everything ? `; ${peer.cidr} is the whole address space, including the internet` : ""}.`,
            at: { resource: policy.resource, path: peer.field.endsWith("Set") ? [...peer.path, "cidr"] : peer.path, side: "head" },
            severity: everything && direction === "ingress" ? "critical" : void 0,
            key: `${policy.specPath.join(".")}:${direction}:${peer.cidr}:${peer.except.join(",")}`
          });
        }
      }
    }
  }
});

// src/rules/cilium/cilium-default-deny-disabled.ts
var cilium_default_deny_disabled_default = defineRule({
  id: "cilium-default-deny-disabled",
  kind: "diff",
  severity: "high",
  description: "A Cilium policy sets enableDefaultDeny to false for a direction it isolated in base, and no other policy isolates those endpoints: everything its rules did not allow is allowed again.",
  check(context) {
    for (const { before, after } of changedSpecs(context)) {
      for (const direction of ["ingress", "egress"]) {
        if (!before.isolates[direction] || after.isolates[direction] || !after.defaultDenyExplicit[direction]) continue;
        if (!losesIsolation(context.base, context.head, before, direction)) continue;
        context.report({
          message: `${policyLabel(after)} sets enableDefaultDeny.${direction} to false: its endpoints are no longer in default deny for ${direction}, so ${direction === "ingress" ? "any source can reach them" : "they can reach any destination"} except what deny rules forbid.`,
          at: { resource: after.resource, path: [...after.specPath, "enableDefaultDeny", direction], side: "head" },
          key: `${formatFieldPath(after.specPath)}:${direction}`
        });
      }
    }
  }
});

// src/rules/cilium/cilium-deny-removed.ts
var cilium_deny_removed_default = defineRule({
  id: "cilium-deny-removed",
  kind: "diff",
  severity: "high",
  description: "A Cilium ingressDeny/egressDeny rule of a policy that stays is removed or narrowed (fewer peers or ports denied) and no head deny rule over the same endpoints (of any Cilium policy) denies it: what it denied is no longer denied, and deny rules override every allow (Cilium and Kubernetes policies alike).",
  check(context) {
    for (const { before, after } of changedCiliumPolicies(context.changed)) {
      if (!before || !after) continue;
      for (const old of before.policies) {
        const scope = scopeFor(context, old);
        const gone = counterpart(old, after.policies) === void 0;
        for (const direction of ["ingress", "egress"]) {
          const heads = headDenyRules(context.head, old, scope, direction);
          for (const rule of old.deny[direction]) {
            const lifted = undeniedPeers(heads, rule, scope);
            if (lifted.length === 0) continue;
            const describe = (peers) => peers === "all" ? `every ${direction === "ingress" ? "source" : "destination"}` : [...new Set(peers.map((p) => describeCiliumPeer(p, old.resource.namespace)))].join(", ");
            context.report({
              message: `${ruleName(rule, old)} ${gone ? "is gone with its rule" : "is removed or narrowed"}: it denied ${describe(rule.peers)} on ${describePorts(rule.ports)}, and no deny rule over these endpoints in head denies ${describe(lifted)} on all of those ports, so any allow (of any policy) now lets it through.`,
              at: { resource: old.resource, path: rule.path, side: "base" },
              key: `${formatFieldPath(rule.path)}:${describe(rule.peers)}`
            });
          }
        }
      }
    }
  }
});

// src/rules/cilium/cilium-endpoints-broadened.ts
var cilium_endpoints_broadened_default = defineRule({
  id: "cilium-endpoints-broadened",
  kind: "diff",
  severity: "high",
  description: "A Cilium fromEndpoints/toEndpoints selector now selects more endpoints than the base admitted for the same endpoints (a label dropped, a namespace opened, or the empty selector `{}`, every endpoint of the namespace).",
  check(context) {
    for (const { policy, direction, scope, base, head } of allowComparisons(context)) {
      const namespace = policy.resource.namespace;
      const basePeers = base.flatMap((b) => b.rule.peers === "all" ? [] : b.rule.peers.filter((p) => p.type === "pods" && !("entity" in p && p.entity)).map((peer) => ({ ...b, peer })));
      for (const rule of head) {
        for (const peer of rule.peers === "all" ? [] : rule.peers) {
          if (peer.type !== "pods" || peer.entity) continue;
          if (base.some((b) => peersAdmit(b.rule.peers, peer, scope))) continue;
          const narrower = basePeers.find((q) => podPeerWithin(q.peer, peer, scope));
          if (!narrower && !selectsEverything(peer.pods)) continue;
          context.report({
            message: `${ruleName(rule, policy)} now admits ${describeCiliumPeer(peer, namespace)}, more endpoints than ${narrower ? describeCiliumPeer(narrower.peer, narrower.policy.resource.namespace) : "any peer"} the base admitted ${direction === "ingress" ? "from" : "to"}.`,
            at: { resource: policy.resource, path: peer.path, side: "head" },
            key: `${policy.specPath.join(".")}:${direction}:${describeCiliumPeer(peer, namespace)}`,
            related: narrower ? [{ resource: narrower.policy.resource, path: narrower.peer.path, side: "base", message: "the base selector" }] : []
          });
        }
      }
    }
  }
});

// src/rules/cilium/cilium-entity-broadened.ts
var BROADENING = /* @__PURE__ */ new Set(["world", "world-ipv4", "world-ipv6", "cluster", "all"]);
var cilium_entity_broadened_default = defineRule({
  id: "cilium-entity-broadened",
  kind: "diff",
  severity: "high",
  description: "A Cilium rule now admits the entity world, cluster or all for endpoints the base isolated and did not already admit them for (every address outside the cluster, every pod, or both); critical for world or all on ingress.",
  check(context) {
    for (const { policy, direction, scope, base, head } of allowComparisons(context)) {
      const seen = /* @__PURE__ */ new Set();
      for (const rule of head) {
        for (const peer of rule.peers === "all" ? [] : rule.peers) {
          const entity = peer.entity;
          const place2 = peer.path.join(".");
          if (!entity || !BROADENING.has(entity) || seen.has(place2) || admitted(base, peer, scope)) continue;
          seen.add(place2);
          const outside = entity !== "cluster";
          context.report({
            message: `${ruleName(rule, policy)} now admits ${describeCiliumPeer(peer, policy.resource.namespace)}, ${outside ? "every address outside the cluster" : "every pod of every namespace"}${entity === "all" ? " and every pod of every namespace" : ""}, ${direction === "ingress" ? "as sources" : "as destinations"}; no base rule admitted ${code(entity)} for these endpoints.`,
            at: { resource: policy.resource, path: peer.path, side: "head" },
            severity: outside && direction === "ingress" ? "critical" : void 0,
            key: `${policy.specPath.join(".")}:${direction}:${entity}`
          });
        }
      }
    }
  }
});
function admitted(base, peer, scope) {
  if (peer.type === "pods") return base.some((b) => peersAdmit(b.rule.peers, peer, scope));
  return peer.addresses.isSubsetOf(base.reduce((set, b) => set.union(addressesOf(b.rule.peers)), addressesOf([])));
}

// src/rules/cilium/cilium-policy-deleted.ts
var cilium_policy_deleted_default = defineRule({
  id: "cilium-policy-deleted",
  kind: "diff",
  severity: "high",
  description: "A CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy that exists in base is gone in head, leaving the endpoints it isolated open or lifting its deny rules; critical when it isolated every endpoint of its namespace (a default deny), or for a cluster-wide policy of each namespace it admits.",
  check(context) {
    for (const { before, after } of changedCiliumPolicies(context.changed)) {
      if (!before || after) continue;
      const losing = before.policies.filter((p) => DIRECTIONS.some((d) => losesIsolation(context.base, context.head, p, d)));
      const lost = DIRECTIONS.filter((d) => losing.some((p) => losesIsolation(context.base, context.head, p, d)));
      const everyEndpoint = losing.some((p) => selectsEverything(p.podSelector));
      const denies = before.policies.flatMap((p) => {
        const scope = scopeFor(context, p);
        return DIRECTIONS.flatMap((d) => p.deny[d].filter((rule) => undeniedPeers(headDenyRules(context.head, p, scope, d), rule, scope).length > 0));
      }).length;
      if (lost.length === 0 && denies === 0) continue;
      const name = resourceLabel(before.resource);
      const open = lost.length > 0 ? `its endpoints are no longer isolated for ${joinDirections(lost)} by any remaining policy` : "";
      const lifted = denies > 0 ? `its ${denies} deny rule${denies === 1 ? "" : "s"} no longer override${denies === 1 ? "s" : ""} any allow` : "";
      context.report({
        message: `${name} was deleted: ${[open, lifted].filter(Boolean).join(", and ")}.`,
        at: { resource: before.resource, side: "base" },
        severity: everyEndpoint ? "critical" : void 0,
        key: "deleted"
      });
    }
  }
});

// src/rules/cilium/cilium-ports-emptied.ts
var cilium_ports_emptied_default = defineRule({
  id: "cilium-ports-emptied",
  kind: "diff",
  severity: "medium",
  description: "A Cilium rule loses its toPorts (or lists every port), so peers the base admitted to the same endpoints on some ports only are now admitted on every port and protocol.",
  check(context) {
    for (const { policy, direction, scope, base, head } of allowComparisons(context)) {
      for (const rule of head) {
        if (rule.peers === "all" || !coversEveryPort(rule.ports)) continue;
        const narrowed = rule.peers.map((peer2) => ({ peer: peer2, rules: base.filter((b) => admits2(b.rule, peer2, scope)) })).filter(({ rules }) => rules.length > 0 && !rules.some((b) => coversEveryPort(b.rule.ports)));
        if (narrowed.length === 0) continue;
        const [{ peer, rules: [was] }] = narrowed;
        context.report({
          message: `${ruleName(rule, policy)} has no toPorts, so it now admits ${describeCiliumPeer(peer, policy.resource.namespace)}${narrowed.length > 1 ? ` (and ${narrowed.length - 1} more peers)` : ""} on every port and protocol instead of only ${describePorts(was.rule.ports)} ${direction === "ingress" ? "into" : "from"} these endpoints.`,
          at: { resource: policy.resource, path: rule.path, side: "head" },
          key: `${policy.specPath.join(".")}:${direction}:${describeCiliumPeer(peer, policy.resource.namespace)}`,
          related: [{ resource: was.policy.resource, path: was.rule.path, side: "base", message: "the base rule with its ports" }]
        });
      }
    }
  }
});
function admits2(rule, peer, scope) {
  if (rule.peers === "all") return true;
  if (peer.type === "pods") return peersAdmit(rule.peers, peer, scope);
  return rule.peers.some((q) => q.type === "ipBlock" && peer.addresses.isSubsetOf(q.addresses));
}

// src/rules/cilium/index.ts
var CILIUM_RULES = [cilium_approximated_default, cilium_cidr_widened_default, cilium_default_deny_disabled_default, cilium_deny_removed_default, cilium_endpoints_broadened_default, cilium_entity_broadened_default, cilium_policy_deleted_default, cilium_ports_emptied_default];

// src/semantics/abstract.ts
function abstractTopologies(sides, policies, clusterPolicies = []) {
  const namespaces = /* @__PURE__ */ new Map();
  const undeclaredNamespaces = /* @__PURE__ */ new Set();
  for (const side of sides) {
    for (const [name, labels] of side.namespaces) if (!namespaces.has(name)) namespaces.set(name, labels);
  }
  const workloads = [];
  const byId = /* @__PURE__ */ new Map();
  const add = (namespace, nsDisplay, selector2, ports, origin) => {
    const labels = representative(selector2);
    if (!labels) return;
    const name = `[pod with ${describeSelector(selector2)}]`;
    const id = `${nsDisplay}/${name}`;
    const existing = byId.get(id);
    if (existing) {
      if (ports.length > 0) existing.ports = mergePorts(existing.ports, ports);
      return;
    }
    const workload = { id, name, namespace, kind: "pods", labels, ports, resources: [origin], labelsPath: [] };
    byId.set(id, workload);
    workloads.push(workload);
  };
  const namespaceFor = (selector2) => {
    const labels = representative(selector2);
    if (!labels) return void 0;
    const name = labels[NAMESPACE_NAME_LABEL] ?? `[namespace with ${describeSelector(selector2)}]`;
    if (!namespaces.has(name)) {
      namespaces.set(name, { ...labels, [NAMESPACE_NAME_LABEL]: name });
      undeclaredNamespaces.add(name);
    }
    return { name, display: labels[NAMESPACE_NAME_LABEL] ?? name };
  };
  for (const policy of policies) {
    const ns = policy.resource.namespace;
    const subject = isCiliumModel(policy) && policy.clusterwide ? namespaceFor(policy.subjectNamespaces) : { name: ns, display: ns };
    if (subject && !namespaces.has(subject.name)) namespaces.set(subject.name, { [NAMESPACE_NAME_LABEL]: subject.name });
    if (subject) add(subject.name, subject.display, policy.podSelector, [], policy.resource);
    for (const direction of ["ingress", "egress"]) {
      for (const rule of policy.rules[direction]) {
        if (rule.peers === "all") continue;
        for (const peer of rule.peers) {
          if (peer.type !== "pods") continue;
          const target = peer.namespaces === "own" ? { name: ns, display: ns } : namespaceFor(peer.namespaces);
          if (target) add(target.name, target.display, peer.pods, [], policy.resource);
        }
      }
    }
  }
  const addSelection = (selection, origin) => {
    const target = namespaceFor(selection.namespaces);
    if (target) add(target.name, target.display, selection.pods, [], origin);
  };
  for (const policy of clusterPolicies) {
    addSelection(policy.subject, policy.resource);
    for (const rule of [...policy.rules.ingress, ...policy.rules.egress]) {
      for (const peer of rule.peers) if (peer.type === "pods") addSelection(peer, policy.resource);
    }
  }
  for (const side of sides) {
    for (const service of side.services) {
      if (!service.selector) continue;
      const selector2 = { constraints: new Map(Object.entries(service.selector).map(([k, v]) => [k, { complement: false, values: /* @__PURE__ */ new Set([v]) }])) };
      add(service.namespace, service.namespace, selector2, servicePorts(service), service.resource);
    }
  }
  return sides.map((side) => ({ workloads, byId, namespaces, undeclaredNamespaces, services: side.services, entries: side.entries }));
}
function representative(selector2) {
  if (selectsNothing(selector2)) return void 0;
  const labels = {};
  for (const [key, set] of selector2.constraints) {
    if (!set.complement) {
      const value2 = [...set.values].filter((v) => v !== ABSENT).sort()[0];
      if (value2 !== void 0) labels[key] = value2;
      continue;
    }
    if (!set.values.has(ABSENT)) continue;
    let value = "any";
    while (set.values.has(value)) value += "_";
    labels[key] = value;
  }
  return labels;
}
function servicePorts(service) {
  return service.ports.flatMap((p) => {
    const target = p.targetPort ?? p.port;
    if (typeof target === "number") return [{ port: target, protocol: "TCP" }];
    if (typeof target === "string" && p.port !== void 0) return [{ name: target, port: p.port, protocol: "TCP" }];
    return [];
  });
}
function mergePorts(a, b) {
  const seen = new Set(a.map((p) => JSON.stringify(p)));
  return [...a, ...b.filter((p) => !seen.has(JSON.stringify(p)))];
}

// src/semantics/collapse.ts
function collapseAlike(base, head) {
  if (!hasTwins(base) && !hasTwins(head)) return [base, head];
  const groups = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  const [baseSide, headSide] = [sideOf(base), sideOf(head)];
  for (const topology of [base, head]) {
    for (const w of topology.workloads) {
      if (seen.has(w.id)) continue;
      seen.add(w.id);
      const key = `${JSON.stringify(w.kind)}\0${JSON.stringify(w.namespace)}\0${signature(baseSide, w.id)}\0${signature(headSide, w.id)}`;
      const group = groups.get(key);
      if (group) group.push(w.id);
      else groups.set(key, [w.id]);
    }
  }
  if (groups.size === seen.size) return [base, head];
  const groupOf = /* @__PURE__ */ new Map();
  for (const ids of groups.values()) for (const id of ids) groupOf.set(id, ids);
  return [collapsed(base, groupOf), collapsed(head, groupOf)];
}
function hasTwins(topology) {
  const keys2 = /* @__PURE__ */ new Map();
  for (const w of topology.workloads) {
    let seen = keys2.get(w.namespace);
    if (!seen) keys2.set(w.namespace, seen = /* @__PURE__ */ new Set());
    const key = podKey(w.labels, w.ports);
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}
function sideOf(topology) {
  return { topology, namespaces: /* @__PURE__ */ new Map() };
}
function signature(side, id) {
  const w = side.topology.byId.get(id);
  if (!w) return "";
  let namespace = side.namespaces.get(w.namespace);
  if (namespace === void 0) side.namespaces.set(w.namespace, namespace = JSON.stringify(sorted(side.topology.namespaces.get(w.namespace) ?? {})));
  return `[${podKey(w.labels, w.ports)},${namespace}]`;
}
function sorted(labels) {
  return Object.keys(labels).sort().map((k) => [k, labels[k]]);
}
function collapsed(topology, groupOf) {
  const workloads = [];
  const byId = /* @__PURE__ */ new Map();
  for (const w of topology.workloads) {
    const ids = groupOf.get(w.id) ?? [w.id];
    if (ids.length === 1) {
      workloads.push(w);
      byId.set(w.id, w);
      continue;
    }
    const id = `${ids[0]} and ${ids.length - 1} more ${w.kind === "pods" ? "peer" : w.kind}${ids.length > 2 ? "s" : ""} alike`;
    if (byId.has(id)) continue;
    const members = ids.map((member) => topology.byId.get(member));
    const group = { ...members[0], id, members, resources: members.flatMap((m) => m.resources) };
    workloads.push(group);
    byId.set(id, group);
  }
  return { ...topology, workloads, byId };
}

// src/semantics/diff.ts
var DIFF_ORDER = ["changed", "added", "removed"];
var NONE = [];
function compareNames(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function diffConnections(before, after, beforeWorkloads, afterWorkloads) {
  const pairs = /* @__PURE__ */ new Map();
  const ipGroups = /* @__PURE__ */ new Map();
  [before, after].forEach((list, side) => {
    for (const c of list) {
      if (c.src.type === "ip" || c.dst.type === "ip") {
        const ipIsSource = c.src.type === "ip";
        const [ip, peer] = ipIsSource ? [c.src, c.dst] : [c.dst, c.src];
        if (ip.type !== "ip") continue;
        const key = `${ipIsSource ? "in" : "out"}\0${peer.name}`;
        let group = ipGroups.get(key);
        if (!group) ipGroups.set(key, group = { peer, ipIsSource, sides: [[], []] });
        group.sides[side].push({ ip, conns: c.conns });
        continue;
      }
      let bySource = pairs.get(c.src.name);
      if (!bySource) pairs.set(c.src.name, bySource = /* @__PURE__ */ new Map());
      let pair = bySource.get(c.dst.name);
      if (!pair) bySource.set(c.dst.name, pair = { src: c.src, dst: c.dst, conns: [ConnectionSet.NONE, ConnectionSet.NONE] });
      pair.conns[side] = c.conns;
    }
  });
  const out = [];
  const add = (src, dst, b, a) => {
    if (b.equals(a)) return;
    const type = b.isEmpty() ? "added" : a.isEmpty() ? "removed" : "changed";
    const known = type === "removed" ? afterWorkloads : beforeWorkloads;
    const newWorkloads = type === "changed" ? NONE : [src, dst].filter((p) => p.type === "workload" && !known.has(p.name)).map((p) => p.name);
    out.push({ type, src, dst, before: b, after: a, newWorkloads });
  };
  for (const bySource of pairs.values()) for (const { src, dst, conns } of bySource.values()) add(src, dst, conns[0], conns[1]);
  for (const group of ipGroups.values()) {
    for (const { start, end, same, before: b, after: a } of alignRanges(group.sides[0], group.sides[1])) {
      if (b.equals(a)) continue;
      const range = same?.range ?? { family: "ipv4", start: BigInt(start), end: BigInt(end) };
      const ip = same ?? { type: "ip", name: rangeName(range), range };
      if (group.ipIsSource) add(ip, group.peer, b, a);
      else add(group.peer, ip, b, a);
    }
  }
  const fromController = (d) => Number(d.src.type === "ingress-controller");
  return out.sort((x, y) => fromController(x) - fromController(y) || DIFF_ORDER.indexOf(x.type) - DIFF_ORDER.indexOf(y.type) || compareNames(x.src.name, y.src.name) || compareNames(x.dst.name, y.dst.name));
}
function alignRanges(before, after) {
  const cuts = new Float64Array(2 * (before.length + after.length));
  let n = 0;
  for (const list of [before, after]) {
    for (const { ip } of list) {
      cuts[n++] = Number(ip.range.start);
      cuts[n++] = Number(ip.range.end) + 1;
    }
  }
  cuts.sort();
  const cursor = (list) => {
    const entries = list.map((e) => ({ start: Number(e.ip.range.start), end: Number(e.ip.range.end), ip: e.ip, conns: e.conns }));
    if (entries.some((e, k) => k > 0 && e.start < entries[k - 1].start)) entries.sort((x, y) => x.start - y.start);
    let i = 0;
    return (at) => {
      while (i < entries.length && entries[i].end < at) i++;
      return i < entries.length && entries[i].start <= at ? entries[i] : void 0;
    };
  };
  const lookupBefore = cursor(before);
  const lookupAfter = cursor(after);
  const out = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, next] = [cuts[i], cuts[i + 1]];
    if (start === next) continue;
    const b = lookupBefore(start);
    const a = lookupAfter(start);
    const [bConns, aConns] = [b?.conns ?? ConnectionSet.NONE, a?.conns ?? ConnectionSet.NONE];
    const last = out[out.length - 1];
    if (last && last.end + 1 === start && last.before.equals(bConns) && last.after.equals(aConns)) {
      last.end = next - 1;
      delete last.same;
      continue;
    }
    const same = a?.start === start && a.end === next - 1 ? a.ip : b?.start === start && b.end === next - 1 ? b.ip : void 0;
    out.push({ start, end: next - 1, ...same ? { same } : {}, before: bConns, after: aConns });
  }
  return out;
}

// src/semantics/change.ts
var cache2 = /* @__PURE__ */ new WeakMap();
var MAX_CONNECTIONS = 3e5;
var WITHOUT_WAYS_IN = { external: "spans", ingressController: false, limit: MAX_CONNECTIONS };
function semanticChange(baseModel, headModel) {
  let byHead = cache2.get(baseModel);
  if (!byHead) cache2.set(baseModel, byHead = /* @__PURE__ */ new WeakMap());
  let change = byHead.get(headModel);
  if (!change) byHead.set(headModel, change = computeChange(baseModel, headModel));
  return change;
}
function computeChange(baseModel, headModel) {
  const basePolicies = policyIndexOf(baseModel);
  const headPolicies = policyIndexOf(headModel);
  const baseCluster = clusterPoliciesOf(baseModel);
  const headCluster = clusterPoliciesOf(headModel);
  let baseTopology = buildTopology(baseModel);
  let headTopology = buildTopology(headModel);
  const workloadCount = baseTopology.workloads.length + headTopology.workloads.length;
  const policyCount = basePolicies.resources.length + headPolicies.resources.length + clusterPolicyList(baseCluster).length + clusterPolicyList(headCluster).length;
  const mode = workloadCount === 0 && policyCount > 0 ? "selectors" : "workloads";
  if (mode === "selectors") {
    [baseTopology, headTopology] = abstractTopologies(
      [baseTopology, headTopology],
      [...basePolicies.all(), ...headPolicies.all()],
      [...clusterPolicyList(baseCluster), ...clusterPolicyList(headCluster)]
    );
  }
  [baseTopology, headTopology] = collapseAlike(baseTopology, headTopology);
  const base = new Connectivity(baseTopology, basePolicies, baseCluster);
  const head = new Connectivity(headTopology, headPolicies, headCluster);
  const reason = mode === "workloads" ? `workload mode: connectivity between the ${headTopology.workloads.length} workloads of head (${baseTopology.workloads.length} in base)` : `selector mode: the repository has no workloads (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod…), so policies were analyzed against ${headTopology.workloads.length} abstract ${headTopology.workloads.length === 1 ? "peer" : "peers"}, one per pod selector of the policies and Services`;
  const analysis = new ChangeAnalysis(baseModel, headModel, base, head, mode, basePolicies, headPolicies);
  return { mode, reason, base, head, ...analysis.run() };
}
var ChangeAnalysis = class {
  constructor(baseModel, headModel, base, head, mode, basePolicies, headPolicies) {
    this.baseModel = baseModel;
    this.headModel = headModel;
    this.base = base;
    this.head = head;
    this.mode = mode;
    const policyResources = (index, connectivity) => [...index.resources, ...clusterPolicyList(connectivity.clusterPolicies).map((p) => p.resource)].map((r) => [r.key, r]);
    const baseByKey = new Map(policyResources(basePolicies, base));
    const headByKey = new Map(policyResources(headPolicies, head));
    for (const [key, r] of baseByKey) {
      const now = headByKey.get(key);
      if (!now || !deepEqual(now.object, r.object)) this.changedPolicies.add(key);
    }
    for (const key of headByKey.keys()) if (!baseByKey.has(key)) this.changedPolicies.add(key);
    for (const b of base.topology.workloads) {
      const h = head.topology.byId.get(b.id);
      const same = h !== void 0 && (b === h || sameObjects(b, h) && this.namespaceUnchanged(b.namespace) || signature2(base, b) === signature2(head, h));
      if (!same) this.changedWorkloads.add(b.id);
    }
    for (const h of head.topology.workloads) if (!base.topology.byId.has(h.id)) this.changedWorkloads.add(h.id);
  }
  baseModel;
  headModel;
  base;
  head;
  mode;
  changedPolicies = /* @__PURE__ */ new Set();
  changedWorkloads = /* @__PURE__ */ new Set();
  worldCache = /* @__PURE__ */ new Map();
  sameNamespace = /* @__PURE__ */ new Map();
  /** Causes by rule and peer: a rule of 10,000 ipBlocks is the cause of 260,000 address ranges, one Cause per peer. */
  ruleCauses = /* @__PURE__ */ new WeakMap();
  run() {
    const scope = this.dirtyScope();
    const rest = { unisolated: this.unisolations(scope), exposures: this.newExposures(scope) };
    let after;
    try {
      after = this.head.connections(scope, WITHOUT_WAYS_IN);
    } catch (error) {
      if (!(error instanceof TooManyConnections)) throw error;
      return { added: [], removed: [], ...rest, tooComplex: this.tooComplex(error.limit) };
    }
    let before;
    let removedPast;
    try {
      before = this.base.connections(scope, WITHOUT_WAYS_IN);
    } catch (error) {
      if (!(error instanceof TooManyConnections)) throw error;
      removedPast = { ...this.firstChanged(), limit: error.limit };
      before = [...this.base.connections(scope, { ...WITHOUT_WAYS_IN, pods: false }), ...this.base.samePairs(after)];
    }
    const diffs = diffConnections(
      before,
      after,
      new Set(this.base.topology.workloads.map((w) => w.id)),
      new Set(this.head.topology.workloads.map((w) => w.id))
    );
    const groups = /* @__PURE__ */ new Map();
    const removed = [];
    for (const diff of diffs) {
      if (!diff.after.subtract(diff.before).isEmpty()) {
        const cause = this.causeOfAdded(diff);
        let group = groups.get(cause.key);
        if (!group) groups.set(cause.key, group = { cause, diffs: [] });
        group.diffs.push(diff);
        group.critical ??= diff.dst.type === "workload" ? this.criticalReason(diff.dst.workload) : void 0;
      }
      if (!diff.before.subtract(diff.after).isEmpty()) removed.push(diff);
    }
    return { added: [...groups.values()], removed, ...removedPast !== void 0 ? { removedPast } : {}, ...rest };
  }
  tooComplex(limit) {
    return {
      ...this.firstChanged(),
      message: `the change affects more than ${limit} connections between workloads, too many to compare one by one, so the connections it opens and closes are not listed (connectivity-added, connectivity-removed); any of them may be new`
    };
  }
  /** The name of the first changed policy (else workload) of head, or of base when head no longer has it. */
  firstChanged() {
    const policy = [...this.changedPolicies][0];
    const workload = [...this.changedWorkloads][0];
    const resource = policy !== void 0 ? this.headModel.byKey.get(policy) ?? this.baseModel.byKey.get(policy) : (this.head.topology.byId.get(workload) ?? this.base.topology.byId.get(workload))?.resources[0];
    if (!resource) throw new Error("a connectivity change without a changed policy or workload");
    return { resource, path: ["metadata", "name"], side: this.headModel.byKey.get(resource.key) === resource ? "head" : "base" };
  }
  /** Whether a namespace has the same labels on both sides (an undeclared one: its automatic name label alone). */
  namespaceUnchanged(ns) {
    let same = this.sameNamespace.get(ns);
    if (same === void 0) {
      const [b, h] = [this.base.topology.namespaces.get(ns), this.head.topology.namespaces.get(ns)];
      same = labelText(b ?? { [NAMESPACE_NAME_LABEL]: ns }) === labelText(h ?? { [NAMESPACE_NAME_LABEL]: ns });
      this.sameNamespace.set(ns, same);
    }
    return same;
  }
  /**
   * Only pairs that can differ: those whose source may egress differently (its labels, namespace or ports
   * changed, or a changed policy selects it for egress) or whose destination may admit differently.
   */
  dirtyScope() {
    const sources = new Set(this.changedWorkloads);
    const destinations = new Set(this.changedWorkloads);
    for (const [connectivity, model] of [[this.base, this.baseModel], [this.head, this.headModel]]) {
      const changed = new PolicyIndex([...this.changedPolicies].flatMap((key) => model.byKey.get(key) ?? []));
      const namespaces = new Set(changed.resources.map((r) => r.namespace));
      const everyNamespace = namespaces.has("");
      const elsewhere = changed.hasCilium || clusterPolicyList(connectivity.clusterPolicies).some((p) => this.changedPolicies.has(p.resource.key));
      for (const w of connectivity.topology.workloads) {
        const inNamespace = everyNamespace || namespaces.has(w.namespace);
        if (!inNamespace && !elsewhere) continue;
        const cls = connectivity.classOf(w);
        if (elsewhere) {
          if (this.changedElsewhere(connectivity, cls, "ingress")) destinations.add(w.id);
          if (this.changedElsewhere(connectivity, cls, "egress")) sources.add(w.id);
        }
        if (!inNamespace) continue;
        const selecting = changed.selecting(w.namespace, cls.labels, cls.nsLabels);
        if (selecting.some((p) => p.isolates.ingress || isCiliumModel(p))) destinations.add(w.id);
        if (selecting.some((p) => p.isolates.egress || isCiliumModel(p))) sources.add(w.id);
      }
    }
    return { sources, destinations };
  }
  /** Whether a changed ANP or BANP selects the class, or a changed Cilium policy's deny rule applies to it. */
  changedElsewhere(connectivity, cls, direction) {
    return connectivity.clusterPoliciesSelecting(cls, direction).some((p) => this.changedPolicies.has(p.resource.key)) || connectivity.deny.rulesFor(direction, cls).some((ref) => this.changedPolicies.has(ref.policy.resource.key));
  }
  endpoint(connectivity, peer) {
    if (peer.type === "ip") return { type: "ip", range: pointOf(peer.range) };
    if (peer.type === "ingress-controller") return { type: "pods", cls: connectivity.ingressController };
    const w = connectivity.topology.byId.get(peer.name);
    return w ? { type: "pods", cls: connectivity.classOf(w) } : void 0;
  }
  causeOfAdded(diff) {
    const added = diff.after.subtract(diff.before);
    if (this.mode === "workloads") {
      for (const peer of [diff.dst, diff.src]) {
        if (peer.type === "workload" && !this.base.topology.byId.has(peer.name)) return this.workloadAdded(peer.workload);
      }
    }
    const src = { base: this.endpoint(this.base, diff.src), head: this.endpoint(this.head, diff.src) };
    const dst = { base: this.endpoint(this.base, diff.dst), head: this.endpoint(this.head, diff.dst) };
    const direction = this.grewOnIngress(added, src, dst) ? "ingress" : "egress";
    const [selfPeer, otherPeer] = direction === "ingress" ? [diff.dst, diff.src] : [diff.src, diff.dst];
    const [self, other] = direction === "ingress" ? [dst.head, src.head] : [src.head, dst.head];
    if (self?.type !== "pods" || !other || !dst.head || selfPeer.type !== "workload") return this.fallbackCause(diff);
    const baseSides = direction === "ingress" ? [dst.base, src.base] : [src.base, dst.base];
    const [baseSelf, baseOther] = baseSides;
    const liftedDeny = baseSelf?.type === "pods" && baseOther && dst.base ? liftedDenyCause(this.base.deny, direction, baseSelf.cls, baseOther, dst.base, added) : void 0;
    const isolated = this.head.isolated(self.cls, direction);
    if (liftedDeny && (isolated || !(baseSelf?.type === "pods" && this.base.isolated(baseSelf.cls, direction)))) return liftedDeny;
    const admissions = [];
    this.head.direction(direction, self.cls, other, dst.head, admissions);
    const relevant = admissions.filter((a) => !a.conns.intersect(added).isEmpty());
    const fromChanged = relevant.find((a) => this.changedPolicies.has(a.policy.resource.key));
    if (fromChanged) return this.ruleCause(fromChanged);
    const lifted = this.liftedDenial(direction, added, self, other, dst.head, baseSides, dst.base);
    if (lifted) return lifted;
    if (!isolated) return this.lostIsolation(this.inHead(selfPeer), direction);
    if (otherPeer.type === "workload" && this.changedWorkloads.has(otherPeer.name)) return this.labelsCause(this.inHead(otherPeer));
    if (this.changedWorkloads.has(selfPeer.name)) return this.labelsCause(this.inHead(selfPeer));
    return relevant[0] ? this.ruleCause(relevant[0]) : this.fallbackCause(diff);
  }
  /** Whether the destination's ingress now admits connections (`added`) its base ingress did not; else egress grew. */
  grewOnIngress(added, src, dst) {
    if (dst.base?.type !== "pods" || !src.base) return dst.head?.type === "pods";
    return !added.isSubsetOf(this.base.direction("ingress", dst.base.cls, src.base, dst.base));
  }
  /** The head's copy of a workload: a diff keeps the peers of the side it saw the pair on first (base for a widened pair). */
  inHead(peer) {
    return this.head.topology.byId.get(peer.name) ?? peer.workload;
  }
  ruleCause(admission) {
    const { rule, peerIndex } = admission;
    let byPeer = this.ruleCauses.get(rule);
    if (!byPeer) this.ruleCauses.set(rule, byPeer = /* @__PURE__ */ new Map());
    let cause = byPeer.get(peerIndex);
    if (!cause) byPeer.set(peerIndex, cause = admission.layer === "network" ? this.newRuleCause(admission) : this.adminRuleCause(admission));
    return cause;
  }
  /**
   * A connection no ANP/BANP rule closes any more: a head Pass of a changed policy now hands it on, or a base Deny
   * of a changed or deleted policy closed it. Attributed to the head line that changed (the action, the priority,
   * the rule), or to the deleted object's first line on the base side.
   */
  liftedDenial(direction, added, self, other, dst, [baseSelf, baseOther], baseDst) {
    const from = (decisions, action) => decisions.find((d) => d.action === action && this.changedPolicies.has(d.policy.resource.key) && !d.conns.intersect(added).isEmpty());
    const passed = from(this.head.adminDecisions(direction, self.cls, other, dst), "Pass");
    if (passed) return this.ruleCause(passed);
    if (baseSelf?.type !== "pods" || !baseOther || !baseDst) return void 0;
    const denied = from(this.base.adminDecisions(direction, baseSelf.cls, baseOther, baseDst), "Deny");
    return denied && this.denialCause(denied);
  }
  /** A base Deny rule that no longer closes the connections: what became of it in head. */
  denialCause(denial) {
    const { policy, rule } = denial;
    const name = describeClusterPolicy(policy);
    const ruleText = `${rule.direction} rule ${rule.index}${rule.name ? ` ("${rule.name}")` : ""}`;
    const related = [{ resource: policy.resource, path: rule.actionPath, side: "base", message: `in base, ${ruleText} of ${name} denied these connections` }];
    const now = this.headModel.byKey.get(policy.resource.key);
    const headPolicy = now && clusterPolicyOf(now);
    if (!headPolicy) {
      return { key: `deleted:${policy.resource.key}`, resource: policy.resource, path: [], side: "base", what: `the deletion of ${name}, whose ${ruleText} denied these connections`, related: [] };
    }
    const key = `denial:${policy.resource.key}:${rule.direction}:${rule.index}`;
    const headRule = headPolicy.rules[rule.direction][rule.index];
    if (headRule && headRule.action !== rule.action) {
      return { key, resource: now, path: headRule.actionPath, side: "head", what: `${ruleText} of ${name}, now ${headRule.action} (was ${rule.action})`, related };
    }
    const reordered = this.priorityChange(policy, headPolicy);
    if (reordered) return { key, resource: now, path: reordered.path, side: "head", what: `the priority of ${name}, ${reordered.text}`, related };
    return {
      key,
      resource: now,
      path: headRule ? headRule.path : ["spec", rule.direction],
      side: "head",
      what: headRule ? `the changed ${ruleText} of ${name}` : `the removal of ${ruleText} from ${name}`,
      related
    };
  }
  /** An ANP/BANP rule that admits (Allow) or hands on (Pass) connections: its action, priority or peer line in head. */
  adminRuleCause({ policy, rule, peerIndex }) {
    const name = describeClusterPolicy(policy);
    const ruleText = `${rule.direction} rule ${rule.index}${rule.name ? ` ("${rule.name}")` : ""}`;
    const key = `rule:${policy.resource.key}:${rule.direction}:${rule.index}:${peerIndex}`;
    const field = rule.direction === "ingress" ? "from" : "to";
    const peerCause = (what) => ({ key, resource: policy.resource, path: [...rule.path, field, peerIndex], side: "head", what, related: [] });
    const was = this.baseModel.byKey.get(policy.resource.key);
    const basePolicy = was && clusterPolicyOf(was);
    if (!basePolicy) return peerCause(`${ruleText} (${rule.action}), peer ${peerIndex} of new ${name}`);
    const baseRule = basePolicy.rules[rule.direction][rule.index];
    if (baseRule && baseRule.action !== rule.action) {
      const related = [{ resource: basePolicy.resource, path: baseRule.actionPath, side: "base", message: `in base, this rule was ${baseRule.action}` }];
      return { key, resource: policy.resource, path: rule.actionPath, side: "head", what: `${ruleText} of ${name}, now ${rule.action} (was ${baseRule.action})`, related };
    }
    const reordered = this.priorityChange(basePolicy, policy);
    if (reordered && basePolicy.kind === "AdminNetworkPolicy") {
      const related = [{ resource: basePolicy.resource, path: basePolicy.priorityPath, side: "base", message: `in base, ${name} had priority ${basePolicy.priority}` }];
      return { key, resource: policy.resource, path: reordered.path, side: "head", what: `the priority of ${name}, ${reordered.text}`, related };
    }
    return peerCause(`${ruleText} (${rule.action}), peer ${peerIndex} of ${name}`);
  }
  /** The head priority line of an ANP whose priority changed. */
  priorityChange(before, after) {
    if (before.kind !== "AdminNetworkPolicy" || after.kind !== "AdminNetworkPolicy" || samePriority(before, after)) return void 0;
    return { path: after.priorityPath, text: `now ${after.priority} (was ${before.priority})` };
  }
  newRuleCause({ policy, rule, peerIndex }) {
    const field = rule.direction === "ingress" ? "from" : "to";
    const name = `${policy.resource.namespace}/${policy.resource.name}`;
    const added = !this.baseModel.byKey.has(policy.resource.key);
    const key = `rule:${policy.resource.key}:${rule.direction}:${rule.index}:${peerIndex ?? "all"}`;
    if (isCiliumModel(policy)) {
      return { key: `${key}:${formatFieldPath(policy.specPath)}`, resource: policy.resource, side: "head", related: [], ...ciliumRuleCause(policy, rule.direction, rule.index, peerIndex, added) };
    }
    return {
      key,
      resource: policy.resource,
      path: peerIndex === void 0 ? rule.path : [...rule.path, field, peerIndex],
      side: "head",
      what: `${rule.direction} rule ${rule.index}${peerIndex === void 0 ? ` (every ${field === "from" ? "source" : "destination"})` : `, peer ${peerIndex}`} of ${added ? "new " : ""}NetworkPolicy ${name}`,
      related: []
    };
  }
  labelsCause(workload) {
    const before = this.base.topology.byId.get(workload.id);
    const related = before && workload.labelsPath.length > 0 ? [{ resource: before.resources[0], path: before.labelsPath, side: "base", message: `the pod labels in base were ${labelText(before.labels)}` }] : [];
    return {
      key: `labels:${workload.id}`,
      resource: workload.resources[0],
      path: workload.labelsPath,
      side: "head",
      what: `the changed pod labels of ${workload.id} (now ${labelText(workload.labels)})`,
      related
    };
  }
  workloadAdded(workload) {
    return { key: `workload:${workload.id}`, resource: workload.resources[0], path: [], side: "head", what: `the new workload ${workload.id}`, related: [] };
  }
  /**
   * Attributed like workload-unisolated: to the head line that ended the isolation (changed labels, policyTypes
   * or podSelector), or, when the isolating policy was deleted, to its base lines; the base policies in related.
   */
  lostIsolation(workload, direction) {
    const key = `unisolated:${workload.id}:${direction}`;
    const before = this.base.topology.byId.get(workload.id);
    const basePolicies = before ? this.base.selectingPolicies(this.base.classOf(before), direction) : [];
    const isolatedBy = basePolicies.map((p) => ({
      resource: p.resource,
      path: subjectPath(p),
      side: "base",
      message: `${policyLabel(p)} isolated it for ${direction} in base`
    }));
    if (!before || basePolicies.length === 0) {
      return { key, resource: workload.resources[0], path: workload.labelsPath, side: "head", what: `${workload.id} no longer being isolated for ${direction}`, related: isolatedBy };
    }
    const { reason, headPlace } = this.whyUnisolated(before, workload, basePolicies, direction);
    const what = `${workload.id} no longer being isolated for ${direction} (${reason})`;
    if (headPlace) return { key, ...headPlace, what, related: isolatedBy };
    const [deleted, ...others] = isolatedBy;
    if (others.length === 0) {
      return { key: `deleted:${deleted.resource.key}:${direction}`, resource: deleted.resource, path: deleted.path, side: "base", what: `the deletion of ${policyLabel(basePolicies[0])}, which isolated these pods for ${direction}`, related: [] };
    }
    return { key, resource: deleted.resource, path: deleted.path, side: "base", what, related: others };
  }
  fallbackCause(diff) {
    const peer = [diff.dst, diff.src].find((p) => p.type === "workload");
    if (!peer) throw new Error(`no workload in ${diff.src.name} -> ${diff.dst.name}`);
    return { key: `workload:${peer.name}`, resource: this.inHead(peer).resources[0], path: [], side: "head", what: peer.name, related: [] };
  }
  /** Critical when the destination becomes reachable from all of 0.0.0.0/0 or from every namespace. */
  criticalReason(workload) {
    if (this.worldCache.has(workload.id)) return this.worldCache.get(workload.id);
    const before = this.base.topology.byId.get(workload.id);
    let reason;
    if (fromWorld(this.head, workload) && !(before && fromWorld(this.base, before))) reason = `${workload.id} ${becomes(workload)} reachable from 0.0.0.0/0`;
    else if (fromEveryNamespace(this.head, workload) && !(before && fromEveryNamespace(this.base, before))) reason = `${workload.id} ${becomes(workload)} reachable from every namespace`;
    this.worldCache.set(workload.id, reason);
    return reason;
  }
  /**
   * With a scope, a workload outside it for a direction (ingress: destinations, egress: sources) has the same
   * labels and no changed policy selecting it on either side, so the same policies isolate it in base and head.
   */
  unisolations(scope) {
    const out = [];
    for (const workload of this.head.topology.workloads) {
      const before = this.base.topology.byId.get(workload.id);
      if (!before) continue;
      for (const direction of ["ingress", "egress"]) {
        if (scope && !(direction === "ingress" ? scope.destinations : scope.sources).has(workload.id)) continue;
        const basePolicies = this.base.selectingPolicies(this.base.classOf(before), direction);
        if (basePolicies.length === 0 || this.head.isolated(this.head.classOf(workload), direction)) continue;
        const clusterPolicies = this.head.clusterPoliciesSelecting(this.head.classOf(workload), direction);
        out.push({ workload, direction, basePolicies, clusterPolicies, ...this.whyUnisolated(before, workload, basePolicies, direction) });
      }
    }
    return out;
  }
  whyUnisolated(before, after, basePolicies, direction) {
    if (this.changedWorkloads.has(after.id) && labelText(before.labels) !== labelText(after.labels)) {
      return { reason: `its pod labels changed from ${labelText(before.labels)} to ${labelText(after.labels)}`, headPlace: { resource: after.resources[0], path: after.labelsPath, side: "head" } };
    }
    const policy = basePolicies[0];
    const now = this.headModel.byKey.get(policy.resource.key);
    const name = policyLabel(policy);
    if (!now) return { reason: `${name} was deleted` };
    if (isCiliumModel(policy)) return ciliumUnisolation(policy, now, direction);
    const headPolicy = networkPolicyOf(now);
    if (!headPolicy.isolates[direction]) {
      return { reason: `${name} no longer lists ${direction === "ingress" ? "Ingress" : "Egress"} in its policyTypes`, headPlace: { resource: now, path: headPolicy.policyTypesExplicit ? ["spec", "policyTypes"] : ["spec"], side: "head" } };
    }
    return { reason: `the podSelector of ${name} no longer selects it`, headPlace: { resource: now, path: ["spec", "podSelector"], side: "head" } };
  }
  /**
   * The workloads whose ways in may differ between the sides, and their namespaces: the destinations, the changed
   * workloads, and those that a Service selects on either side when the Service, or the entries that name it, differ.
   * A workload's exposure comes from the entries of its own namespace and the Services they name alone
   * (Connectivity.exposures): a relabelled app's Service changes the ways into that app, not into its neighbours.
   */
  exposureScope(destinations) {
    const workloads = /* @__PURE__ */ new Set([...this.changedWorkloads, ...destinations]);
    const [before, after] = [exposureInputs(this.base.topology), exposureInputs(this.head.topology)];
    const compare2 = (ns, was, now) => {
      if (sameExposureInputs(was, now)) return;
      for (const name of servicesThatDiffer(was, now)) {
        for (const topology of [this.base.topology, this.head.topology]) {
          const service = serviceNamed(topology, ns, name);
          if (service) {
            for (const w of workloadsIn(topology, ns)) if (serviceSelects(service, w)) workloads.add(w.id);
          }
        }
      }
    };
    for (const [ns, items] of after) compare2(ns, before.get(ns) ?? [], items);
    for (const [ns, items] of before) if (!after.has(ns)) compare2(ns, items, []);
    const namespaces = /* @__PURE__ */ new Set();
    for (const id of workloads) {
      const w = this.head.topology.byId.get(id) ?? this.base.topology.byId.get(id);
      if (w) namespaces.add(w.namespace);
    }
    return { namespaces, workloads };
  }
  /**
   * With a scope, a workload outside its destinations admits the ingress controller alike on both sides (when
   * nothing about the controller's own namespace changed), so only a port its routes newly send to can open.
   */
  newExposures(scope) {
    const controllerUnchanged = scope !== void 0 && this.namespaceUnchanged(INGRESS_CONTROLLER_NAMESPACE) && ![...this.changedPolicies].some((key) => (this.headModel.byKey.get(key) ?? this.baseModel.byKey.get(key))?.namespace === INGRESS_CONTROLLER_NAMESPACE);
    const within = controllerUnchanged ? this.exposureScope(scope.destinations) : void 0;
    const [headExposures, baseExposures] = [this.head.exposures(within?.namespaces, within?.workloads), this.base.exposures(within?.namespaces, within?.workloads)];
    const out = [];
    for (const [id, exposure] of headExposures) {
      const workload = this.head.topology.byId.get(id);
      if (!workload) continue;
      const baseExposure = baseExposures.get(id);
      if (controllerUnchanged && !scope.destinations.has(id) && baseExposure && exposure.conns.isSubsetOf(baseExposure.conns)) continue;
      const beforeWorkload = this.base.topology.byId.get(id);
      const was = beforeWorkload ? this.base.ingressConnection(beforeWorkload, baseExposure) : ConnectionSet.NONE;
      const added = this.head.ingressConnection(workload, exposure).subtract(was);
      if (added.isEmpty()) continue;
      const entries = exposure.entries.filter((e) => !e.conns.intersect(added).isEmpty()).map((e) => e.entry);
      const baseEntries = new Set((baseExposure?.entries ?? []).map((e) => entryKey(e.entry)));
      const entry = entries.find((e) => !baseEntries.has(entryKey(e))) ?? entries[0];
      if (!entry) continue;
      out.push({ workload, added, before: was, entry, others: entries.filter((e) => e !== entry) });
    }
    return out;
  }
};
function fromWorld(connectivity, workload) {
  return coversAllIpv4(connectivity.ipSpans("ingress", connectivity.classOf(workload)));
}
function fromEveryNamespace(connectivity, workload) {
  const cls = connectivity.classOf(workload);
  if (connectivity.clusterPoliciesSelecting(cls, "ingress").length > 0) return connectivity.admitsEveryPod(cls);
  const policies = connectivity.selectingPolicies(cls, "ingress");
  if (policies.length === 0) return true;
  return policies.some((p) => p.rules.ingress.some((rule) => rule.peers === "all" || rule.peers.some((peer) => peer.type === "pods" && peer.namespaces !== "own" && selectsEverything(peer.namespaces) && selectsEverything(peer.pods))));
}
function samePriority(a, b) {
  return a.priority === b.priority || Number.isNaN(a.priority) && Number.isNaN(b.priority);
}
function pointOf(range) {
  return { family: range.family, start: range.start, end: range.start };
}
function exposureInputs(topology) {
  const byNamespace = /* @__PURE__ */ new Map();
  for (const items of [topology.entries, topology.services]) for (const item of items) pushTo(byNamespace, item.namespace, item);
  return byNamespace;
}
function sameExposureInputs(a, b) {
  if (a === void 0 || a.length !== b.length) return false;
  if (a.every((item, i) => sameExposureInput(item, b[i]))) return true;
  const unmatched = /* @__PURE__ */ new Map();
  for (const item of a) pushTo(unmatched, exposureInputKey(item), item);
  return b.every((item) => {
    const candidates = unmatched.get(exposureInputKey(item));
    const i = candidates?.findIndex((other) => sameExposureInput(other, item)) ?? -1;
    if (i < 0) return false;
    candidates.splice(i, 1);
    return true;
  });
}
function servicesThatDiffer(a, b) {
  const [before, after] = [byServiceName(a), byServiceName(b)];
  const names = /* @__PURE__ */ new Set();
  for (const [name, items] of after) if (!sameExposureInputs(before.get(name), items)) names.add(name);
  for (const name of before.keys()) if (!after.has(name)) names.add(name);
  return names;
}
function byServiceName(items) {
  const byName = /* @__PURE__ */ new Map();
  for (const item of items) pushTo(byName, "route" in item ? item.service : item.name, item);
  return byName;
}
function sameExposureInput(item, other) {
  if (item === other) return true;
  if ("route" in item) return "route" in other && item.service === other.service && item.port === other.port;
  return !("route" in other) && item.name === other.name && deepEqual(item.selector, other.selector) && deepEqual(item.ports, other.ports);
}
function exposureInputKey(item) {
  return "route" in item ? JSON.stringify(["entry", item.service, item.port ?? null]) : JSON.stringify(["service", item.name]);
}
function sameObjects(a, b) {
  return a.resources.length === b.resources.length && a.resources.every((r, i) => r.object === b.resources[i].object);
}
function signature2(connectivity, w) {
  const cls = connectivity.classOf(w);
  return JSON.stringify([labelText(cls.labels), cls.ports, labelText(cls.nsLabels)]);
}
function labelText(labels) {
  return `{${Object.keys(labels).sort().map((k) => `${k}: ${labels[k]}`).join(", ")}}`;
}
function entryKey(entry) {
  return JSON.stringify([entry.resource.key, entry.route, entry.service, entry.port ?? null]);
}
function becomes(workload) {
  return (workload.members?.length ?? 0) > 1 ? "become" : "becomes";
}

// src/rules/connectivity/change.ts
var RELEVANT_KINDS = /* @__PURE__ */ new Set([
  "NetworkPolicy",
  "Namespace",
  "Pod",
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "ReplicationController",
  "Job",
  "CronJob",
  "Service",
  "Ingress",
  "Route",
  "AdminNetworkPolicy",
  "BaselineAdminNetworkPolicy",
  "CiliumNetworkPolicy",
  "CiliumClusterwideNetworkPolicy"
]);
function connectivityChange(context) {
  const relevant = context.changed.some((pair) => RELEVANT_KINDS.has((pair.after ?? pair.before)?.kind ?? ""));
  if (!relevant) return void 0;
  const change = semanticChange(context.base, context.head);
  context.note?.(`connectivity: ${change.reason}`);
  return change;
}
function placeOf(place2, context) {
  if (!context) return { resource: place2.resource, path: place2.path, side: place2.side };
  const own = place2.side === "head" ? context.head : context.base;
  if (holds(own, place2.resource)) return { resource: place2.resource, path: place2.path, side: place2.side };
  const copy = own.byKey.get(place2.resource.key);
  if (copy) return { resource: copy, path: place2.path, side: place2.side };
  return { resource: place2.resource, path: place2.path, side: place2.side === "head" ? "base" : "head" };
}
function holds(model, resource) {
  return model.byKey.get(resource.key) === resource || model.resources.includes(resource);
}
var END_TYPES = { workload: "workload", ip: "external", "ingress-controller": "ingress-controller" };
function edgeOf(diff) {
  return {
    source: { name: diff.src.name, type: END_TYPES[diff.src.type] },
    destination: { name: diff.dst.name, type: END_TYPES[diff.dst.type] },
    ports: diff.after.subtract(diff.before).toString()
  };
}
var MAX_DETAIL_LINES = 1e3;
function detailLines(items, line) {
  const shown = items.slice(0, MAX_DETAIL_LINES).map(line);
  if (items.length > MAX_DETAIL_LINES) shown.push(`… and ${items.length - MAX_DETAIL_LINES} more`);
  return shown.join("\n");
}
function diffLine(diff) {
  return `${diff.src.name} => ${diff.dst.name} : ${diff.before.toString()} -> ${diff.after.toString()}`;
}

// src/rules/connectivity/connectivity-added.ts
var connectivityAdded = defineRule({
  id: "connectivity-added",
  kind: "diff",
  severity: "high",
  description: "A connection between workloads (or from/to outside the cluster) that head allows and base did not, grouped by the line that opens it.",
  check(context) {
    const change = connectivityChange(context);
    if (!change) return;
    for (const group of change.added) {
      const [first, ...rest] = group.diffs;
      const opened = first.after.subtract(first.before);
      const more = rest.length > 0 ? `, and ${rest.length} more connection${rest.length > 1 ? "s" : ""}` : "";
      context.report({
        message: `${rest.length > 0 ? "New connections" : "New connection"}: ${first.src.name} may now reach ${first.dst.name} on ${opened.toString()}${more}, because of ${group.cause.what}${group.critical ? ` (${group.critical})` : ""}.`,
        at: placeOf(group.cause, context),
        ...group.critical ? { severity: "critical" } : {},
        key: group.cause.key,
        related: group.cause.related.map((r) => ({ ...placeOf(r, context), message: r.message })),
        details: detailLines(group.diffs, diffLine),
        edges: group.diffs.slice(0, MAX_DETAIL_LINES).map(edgeOf)
      });
    }
  }
});

// src/rules/connectivity/connectivity-removed.ts
var connectivityRemoved = defineRule({
  id: "connectivity-removed",
  kind: "diff",
  severity: "info",
  description: "Connections that base allowed and head no longer does: not a security regression, but it may break the application.",
  check(context) {
    const change = connectivityChange(context);
    if (!change) return;
    const { removed, removedPast } = change;
    const uncounted = removedPast ? `; base allowed more than ${removedPast.limit} connections here, too many to compare one by one, so more may be closed` : "";
    const [first] = removed;
    if (!first) {
      if (removedPast) {
        context.report({
          message: `Connections allowed in base may no longer be allowed in head${uncounted}; check that the application does not need them.`,
          at: placeOf(removedPast, context),
          key: "removed"
        });
      }
      return;
    }
    const peer = [first.dst, first.src].find((p) => p.type === "workload");
    if (peer?.type !== "workload") return;
    const inHead = change.head.topology.byId.get(peer.name);
    const workload = inHead ?? peer.workload;
    const count = removed.length;
    context.report({
      message: `In head, ${count} connection${count > 1 ? "s" : ""} allowed in base ${count > 1 ? "are" : "is"} no longer allowed (first: ${first.src.name} => ${first.dst.name}, ${first.before.toString()} -> ${first.after.toString()})${uncounted}; check that the application does not need ${count > 1 ? "them" : "it"}.`,
      at: placeOf({ resource: workload.resources[0], path: [], side: inHead ? "head" : "base" }, context),
      key: "removed",
      details: detailLines(removed, diffLine)
    });
  }
});

// src/semantics/tiers.ts
var TierResolver = class {
  constructor(tiers, topology) {
    this.tiers = tiers;
    this.topology = topology;
    this.ranks = new Map(tiers.order.map((tier, i) => [tier, i]));
  }
  tiers;
  topology;
  ranks;
  /** The highest-trust tier: the one tier-exposure-unguarded protects. */
  get highest() {
    return this.tiers.order[0];
  }
  rank(tier) {
    return this.ranks.get(tier);
  }
  /** A workload's tier: its pod label, else its namespace's label, else `namespaces[ns]`, else `default`. */
  ofWorkload(workload) {
    return this.assign([["pod label", workload.labels[this.tiers.label]]], workload.namespace);
  }
  /** The tier of a namespace's workloads that carry no tier label (for a destination whose workloads are not in the files). */
  ofNamespace(namespace) {
    return this.assign([], namespace);
  }
  /** The workload id's tier in this topology; undefined for an unknown id or no tier. */
  ofWorkloadId(id) {
    const workload = this.topology.byId.get(id);
    return workload ? this.ofWorkload(workload) : void 0;
  }
  /**
   * What a route's backends lead to, with their tiers: each workload, and for a Service backend that reaches no
   * workload in the files (a repository of Services and routes only, or pods kept elsewhere) the Service itself,
   * at its namespace's tier, so that the tier rules still judge the route. Blocked and non-Service backends lead nowhere.
   */
  destinationsOf(row) {
    const out = [];
    for (const backend of row.backends) {
      if (backend.blocked || backend.resource) continue;
      if (backend.workloads.length === 0) {
        const tier = this.ofNamespace(backend.namespace);
        if (tier) out.push({ id: `${backend.namespace}/${backend.service}[Service]`, tier, service: true });
        continue;
      }
      for (const w of backend.workloads) {
        const tier = this.ofWorkloadId(w.id);
        if (tier) out.push({ id: w.id, tier, ports: w.ports });
      }
    }
    return out;
  }
  /** Tier label values on the workload or its namespace that name no configured tier. */
  ignoredLabels(workload) {
    const out = [];
    const pod = workload.labels[this.tiers.label];
    if (pod !== void 0 && !this.ranks.has(pod)) out.push({ source: "pod label", value: pod });
    const ns = this.topology.namespaces.get(workload.namespace)?.[this.tiers.label];
    if (ns !== void 0 && !this.ranks.has(ns)) out.push({ source: "namespace label", value: ns });
    return out;
  }
  assign(first, namespace) {
    const candidates = [
      ...first,
      ["namespace label", this.topology.namespaces.get(namespace)?.[this.tiers.label]],
      ["tiers.namespaces", Object.hasOwn(this.tiers.namespaces, namespace) ? this.tiers.namespaces[namespace] : void 0],
      ["tiers.default", this.tiers.default]
    ];
    for (const [source, tier] of candidates) {
      const rank = tier === void 0 ? void 0 : this.ranks.get(tier);
      if (tier !== void 0 && rank !== void 0) return { tier, rank, source };
    }
    return void 0;
  }
};
function tierResolver(tiers, model) {
  return tiers ? new TierResolver(tiers, buildTopology(model)) : void 0;
}
function tierResolvers(tiers, base, head) {
  const [b, h] = [tierResolver(tiers, base), tierResolver(tiers, head)];
  return b && h ? { base: b, head: h } : void 0;
}
function severityForTier(tiers, tier) {
  const rank = tiers.order.indexOf(tier);
  if (rank <= 0) return "high";
  return rank === tiers.order.length - 1 ? "low" : "medium";
}
function destinationSeverity(tiers, topology, workloads, namespace) {
  if (!tiers) return void 0;
  const resolver = new TierResolver(tiers, topology);
  const assigned = workloads.length > 0 ? workloads.map((w) => resolver.ofWorkload(w)) : [resolver.ofNamespace(namespace)];
  const best = assigned.reduce((a, b) => b && (!a || b.rank < a.rank) ? b : a, void 0);
  return best && { severity: severityForTier(tiers, best.tier), tier: best.tier, suffix: ` (destination in the ${best.tier} tier)` };
}
function serviceSeverity(tiers, model, namespace, service) {
  const resolver = tierResolver(tiers, model);
  if (!resolver) return void 0;
  const { topology } = resolver;
  const workloads = resolveBackends([{ namespace, service }], topology)[0].workloads.flatMap((w) => topology.byId.get(w.id) ?? []);
  return destinationSeverity(tiers, topology, workloads, namespace);
}
function describeTier(assignment, tiers) {
  const from = assignment.source === "pod label" || assignment.source === "namespace label" ? `${assignment.source} ${tiers.label}` : assignment.source;
  return `${assignment.tier} tier (${from})`;
}

// src/rules/connectivity/exposure-added.ts
var exposureAdded = defineRule({
  id: "exposure-added",
  kind: "diff",
  severity: "high",
  description: "A workload newly reachable from outside the cluster through an Ingress or Route (host/path → Service → workload:port), or a new port of it exposed.",
  check(context) {
    const change = connectivityChange(context);
    if (!change) return;
    const exposures = change.head.exposures(new Set(change.exposures.map((e) => e.workload.namespace)));
    for (const e of change.exposures) {
      const { entry } = e;
      const routed = exposures.get(e.workload.id)?.entries ?? [];
      const edges = [entry, ...e.others].flatMap((way) => routed.filter((r) => r.entry === way).map((r) => ({
        source: { name: way.route, type: "entry" },
        destination: { name: e.workload.id, type: "workload" },
        ports: r.conns.intersect(e.added).toString()
      })));
      const via = `${entry.resource.kind} ${entry.resource.namespace}/${entry.resource.name} (${entry.route} → service ${entry.service}${entry.port !== void 0 ? `:${entry.port}` : ""})`;
      const what = e.before.isEmpty() ? "is newly reachable from outside the cluster" : `is now also reachable from outside the cluster (was ${e.before.toString()})`;
      const tier = destinationSeverity(context.config?.tiers, change.head.topology, [e.workload], e.workload.namespace);
      context.report({
        message: `Workload ${e.workload.id} ${what} on ${e.added.toString()} through ${via}${tier?.suffix ?? ""}.`,
        ...tier ? { severity: tier.severity } : {},
        at: placeOf({ resource: entry.resource, path: entry.path, side: "head" }, context),
        key: e.workload.id,
        edges,
        related: e.others.map((o) => ({ ...placeOf({ resource: o.resource, path: o.path, side: "head" }, context), message: `also routed here by ${o.resource.kind} ${o.resource.namespace}/${o.resource.name} (${o.route})` }))
      });
    }
  }
});

// src/rules/connectivity/workload-unisolated.ts
var workloadUnisolated = defineRule({
  id: "workload-unisolated",
  kind: "diff",
  severity: "high",
  description: "A workload that a NetworkPolicy or Cilium policy isolated for ingress or egress in base is selected by no isolating policy in head, and no AdminNetworkPolicy, BaselineAdminNetworkPolicy or Cilium deny rule closes that direction entirely, so it is open (but for the deny rules the message names).",
  check(context) {
    const change = connectivityChange(context);
    if (!change) return;
    const groups = /* @__PURE__ */ new Map();
    for (const u of change.unisolated) {
      if (closedAnyway2(change.head, u)) continue;
      const headLine = u.headPlace ? `${u.headPlace.resource.key}:${u.headPlace.path?.join(".") ?? ""}` : "";
      const key = `${u.basePolicies[0].resource.key}:${u.direction}:${u.reason}:${headLine}`;
      const group = groups.get(key);
      if (group) group.push(u);
      else groups.set(key, [u]);
    }
    for (const [key, group] of groups) {
      const [u, ...rest] = group;
      const [policy] = u.basePolicies;
      const cilium = ciliumDenying(change.head, u);
      const deniers = [...u.clusterPolicies.length > 0 ? ["AdminNetworkPolicy or BaselineAdminNetworkPolicy rule"] : [], ...cilium.length > 0 ? ["Cilium deny rule"] : []];
      const unless = deniers.length > 0 ? `that no ${deniers.join(" or ")} denies` : "";
      const open = u.direction === "ingress" ? `every source in and outside the cluster ${unless ? `${unless} ` : ""}may now reach` : `may now reach every destination${unless ? ` ${unless}` : ""}`;
      const plural = rest.length > 0 || (u.workload.members?.length ?? 0) > 1;
      const verb = plural ? "are" : "is";
      const subject = `${plural ? "Workloads" : "Workload"} ${u.workload.id}${rest.length > 0 ? ` and ${rest.length} more` : ""}`;
      context.report({
        message: u.direction === "ingress" ? `${subject} ${verb} no longer isolated for ingress: ${u.reason}; ${open} ${plural ? "them" : "it"}.` : `${subject} ${verb} no longer isolated for egress: ${u.reason}; ${plural ? "they" : "it"} ${open}.`,
        at: placeOf({ resource: policy.resource, path: subjectPath(policy), side: "base" }, context),
        key: rest.length === 0 ? `${u.workload.id}:${u.direction}` : key,
        related: [
          ...u.headPlace ? [{ ...placeOf(u.headPlace, context), message: u.reason }] : [],
          ...u.clusterPolicies.map((p) => ({ ...placeOf({ resource: p.resource, path: ["spec", "subject"], side: "head" }, context), message: `${describeClusterPolicy(p)} still decides the ${u.direction} connections its rules match` })),
          ...cilium.map((p) => ({ ...placeOf({ resource: p.resource, path: subjectPath(p), side: "head" }, context), message: `${policyLabel(p)} still denies the ${u.direction} connections its deny rules match` }))
        ],
        ...rest.length > 0 ? { details: group.map((g) => g.workload.id).join("\n") } : {}
      });
    }
  }
});
function ciliumDenying(head, u) {
  return [...new Set(head.deny.rulesFor(u.direction, head.classOf(u.workload)).map((ref) => ref.policy))];
}
function closedAnyway2(head, u) {
  const cls = head.classOf(u.workload);
  if (head.deny.rulesFor(u.direction, cls).some(({ rule }) => isAllowAll(rule))) return true;
  return clusterTierVerdict(head.clusterPolicies, (p) => matches(p.subject.namespaces, cls.nsLabels) && matches(p.subject.pods, cls.labels), u.direction).denied;
}

// src/rules/connectivity/index.ts
var CONNECTIVITY_RULES = [connectivityAdded, connectivityRemoved, workloadUnisolated, exposureAdded];

// src/rules/gateway/gateways.ts
function gatewayPairs(changed) {
  return pairsOf(changed, isGateway, gatewayOf);
}
function routePairs(changed) {
  return pairsOf(changed, isGatewayRoute, gatewayRouteOf);
}
function pairsOf(changed, is, model) {
  const pairs = [];
  for (const { before, after } of changed) {
    const b = before && is(before) ? model(before) : void 0;
    const a = after && is(after) ? model(after) : void 0;
    if (b || a) pairs.push({ before: b, after: a });
  }
  return pairs;
}
function pairListeners(before, after) {
  const free = new Set(before.listeners);
  const pairs = [];
  const tests = [
    (a, b) => a.name === b.name,
    (a, b) => a.port === b.port && a.protocol === b.protocol && a.hostname?.toLowerCase() === b.hostname?.toLowerCase(),
    (a, b) => a.port === b.port && a.protocol === b.protocol
  ];
  const paired = /* @__PURE__ */ new Set();
  for (const test of tests) {
    for (const listener of after.listeners) {
      if (paired.has(listener)) continue;
      const match = [...free].find((b) => test(listener, b));
      if (match) {
        pairs.push([match, listener]);
        free.delete(match);
        paired.add(listener);
      }
    }
  }
  return pairs.sort((x, y) => x[1].index - y[1].index);
}
function describeListener(gateway, listener) {
  return `Gateway ${gateway.resource.namespace}/${gateway.resource.name} listener ${listener.name}${listener.port === void 0 ? "" : ` (port ${listener.port})`}`;
}
function describeRoute(route) {
  return `${route.kind} ${route.resource.namespace}/${route.resource.name}`;
}
function placeOf2(resource, path, side) {
  return { resource, path, side };
}
function existingPath(resource, paths) {
  return paths.find((p) => getIn(resource.object, p) !== void 0) ?? [];
}

// src/rules/gateway/gateway-allowed-routes-broadened.ts
var fromPath = (l) => [...l.fieldPath, "allowedRoutes", "namespaces", "from"];
var selectorPath = (l) => [...l.fieldPath, "allowedRoutes", "namespaces", "selector"];
function admitted2(listener, namespace) {
  switch (listener.allowedFrom) {
    case "Same":
      return parseSelector({ matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } });
    case "All":
      return EVERYTHING;
    case "Selector":
      return listener.selector ?? EVERYTHING;
  }
}
function describeAdmitted(listener, selector2) {
  switch (listener.allowedFrom) {
    case "Same":
      return "the Gateway's own namespace";
    case "All":
      return "every namespace";
    case "Selector":
      return `the namespaces matching ${code(describeSelector(selector2))}`;
  }
}
var gateway_allowed_routes_broadened_default = defineRule({
  id: "gateway-allowed-routes-broadened",
  kind: "diff",
  severity: "high",
  description: "A Gateway listener accepts routes from more namespaces: allowedRoutes.namespaces.from Same → Selector → All, or a namespace selector that matches more.",
  check({ changed, report }) {
    for (const { before, after } of gatewayPairs(changed)) {
      if (!before || !after) continue;
      for (const [was, now] of pairListeners(before, after)) {
        const wasAdmitted = admitted2(was, before.resource.namespace);
        const nowAdmitted = admitted2(now, after.resource.namespace);
        const relation = compareSelectors(wasAdmitted, nowAdmitted);
        if (relation !== "superset" && relation !== "incomparable") continue;
        const fromChanged = was.allowedFrom !== now.allowedFrom;
        const change = fromChanged ? `allowedRoutes.namespaces.from went from ${code(was.allowedFrom)} to ${code(now.allowedFrom)}` : `the namespace selector went from ${code(describeSelector(wasAdmitted))} to ${code(describeSelector(nowAdmitted))}`;
        report({
          message: `${describeListener(after, now)}: ${change}, so routes from ${describeAdmitted(now, nowAdmitted)} (${relation === "superset" ? "not only" : "instead of"} ${describeAdmitted(was, wasAdmitted)}) can attach to it and receive its traffic.`,
          at: placeOf2(after.resource, existingPath(after.resource, fromChanged ? [fromPath(now)] : [selectorPath(now), fromPath(now)]), "head"),
          key: `${now.name} ${fromChanged ? "from" : "selector"}`,
          related: [{
            ...placeOf2(before.resource, existingPath(before.resource, [fromChanged ? fromPath(was) : selectorPath(was), fromPath(was), was.fieldPath]), "base"),
            message: `was ${describeAdmitted(was, wasAdmitted)}`
          }]
        });
      }
    }
  }
});

// src/rules/gateway/gateway-hostname-broadened.ts
var broader = (now, was) => gatewayHostCovers(now, was) && !gatewayHostCovers(was, now);
function parentHostnames(model, route) {
  const names = [];
  for (const parent of route.parentRefs) {
    const resource = parent.group === GATEWAY_GROUP && parent.kind === "Gateway" ? lookup(model, { group: GATEWAY_GROUP, kind: "Gateway", namespace: parent.namespace, name: parent.name }, route.resource) : void 0;
    if (!resource) return void 0;
    for (const listener of gatewayOf(resource).listeners) {
      if (parent.sectionName !== void 0 && parent.sectionName !== listener.name || parent.port !== void 0 && parent.port !== listener.port) continue;
      if (listener.hostname === void 0) return void 0;
      names.push(listener.hostname);
    }
  }
  return route.parentRefs.length > 0 ? names : void 0;
}
var gateway_hostname_broadened_default = defineRule({
  id: "gateway-hostname-broadened",
  kind: "diff",
  severity: "high",
  description: "A Gateway listener's hostname is removed or widened by a wildcard (a suffix match), or a route's hostnames are emptied or widened.",
  check({ head, changed, report }) {
    for (const { before, after } of gatewayPairs(changed)) {
      if (!before || !after) continue;
      for (const [was, now] of pairListeners(before, after)) {
        if (was.hostname === void 0 || !broader(now.hostname, was.hostname)) continue;
        const removed = now.hostname === void 0;
        report({
          message: `${describeListener(after, now)}: ` + (now.hostname === void 0 ? `the hostname ${code(was.hostname)} was removed, so the listener accepts every hostname and every route attached to it without hostnames serves them all.` : `the hostname ${code(was.hostname)} became ${code(now.hostname)}, which matches every name ending in ${code(now.hostname.slice(1))} at any depth, so routes attached to it can serve hosts they did not.`),
          at: placeOf2(after.resource, removed ? now.fieldPath : [...now.fieldPath, "hostname"], "head"),
          key: `${now.name} hostname`,
          related: [{ ...placeOf2(before.resource, [...was.fieldPath, "hostname"], "base"), message: `was ${was.hostname}` }]
        });
      }
    }
    for (const { before, after } of routePairs(changed)) {
      if (!before || !after || before.hostnames.length === 0) continue;
      if (after.hostnames.length === 0) {
        const inherited = parentHostnames(head, after);
        if (inherited && inherited.every((h) => before.hostnames.some((b) => gatewayHostCovers(b, h)))) continue;
        report({
          message: `${describeRoute(after)}: its hostnames (${before.hostnames.map((h) => code(h)).join(", ")}) were emptied, so it inherits every hostname of the listeners it attaches to (all of them for a listener without hostname) and takes their traffic.`,
          at: placeOf2(after.resource, existingPath(after.resource, [after.hostnamesPath, ["spec"]]), "head"),
          key: "hostnames",
          related: [{ ...placeOf2(before.resource, before.hostnamesPath, "base"), message: `was ${before.hostnames.join(", ")}` }]
        });
        continue;
      }
      reportWidened(before, after);
    }
    function reportWidened(before, after) {
      after.hostnames.forEach((name, i) => {
        if (before.hostnames.some((b) => gatewayHostCovers(b, name))) return;
        const widened = before.hostnames.find((b) => broader(name, b));
        if (!widened) return;
        report({
          message: `${describeRoute(after)}: the hostname ${code(widened)} became ${code(name)}, which matches every name ending in ${code(name.slice(1))}, so the route takes traffic for hosts it did not.`,
          at: placeOf2(after.resource, [...after.hostnamesPath, i], "head"),
          key: `hostname ${name.toLowerCase()}`,
          related: [{ ...placeOf2(before.resource, [...before.hostnamesPath, before.hostnames.indexOf(widened)], "base"), message: `was ${widened}` }]
        });
      });
    }
  }
});

// src/rules/gateway/gateway-mtls-weakened.ts
var gateway_mtls_weakened_default = defineRule({
  id: "gateway-mtls-weakened",
  kind: "diff",
  severity: "high",
  description: "A Gateway HTTPS listener loses frontend client-certificate validation (spec.tls.frontend default/perPort), or its validation mode becomes AllowInsecureFallback.",
  check({ changed, report }) {
    for (const { before, after } of gatewayPairs(changed)) {
      if (!before || !after) continue;
      const byLine = /* @__PURE__ */ new Map();
      for (const [was, now] of pairListeners(before, after)) {
        if (!terminatesTls(was)) continue;
        const baseValidation = validationFor(before, was);
        const headValidation = terminatesTls(now) ? validationFor(after, now) : void 0;
        if (!baseValidation || baseValidation.mode !== "AllowValidOnly" || headValidation?.mode === "AllowValidOnly") continue;
        const kind = !terminatesTls(now) ? "plaintext" : headValidation ? "fallback" : "removed";
        const line = kind === "plaintext" ? `${kind} ${now.name}` : `${kind} ${formatFieldPath(headValidation?.fieldPath ?? baseValidation.fieldPath)}`;
        const entry = byLine.get(line) ?? { kind, was: baseValidation, now: headValidation, listeners: [] };
        entry.listeners.push({ was, now });
        byLine.set(line, entry);
      }
      for (const [key, { kind, was, now, listeners }] of byLine) {
        const subject = listeners.map((l) => describeListener(after, l.now)).join(", ");
        const baseLine = { ...placeOf2(before.resource, was.fieldPath, "base"), message: "client certificates validated (AllowValidOnly) in base" };
        if (kind === "plaintext") {
          const [{ now: listener }] = listeners;
          report({
            message: `${subject}: the listener is now ${listener.protocol ?? "without a protocol"}${listener.tlsMode === "Passthrough" ? " (TLS passthrough)" : ""} and no longer terminates TLS, so the Gateway checks no client certificate on it.`,
            at: placeOf2(after.resource, existingPath(after.resource, [[...listener.fieldPath, listener.tlsMode === "Passthrough" ? "tls" : "protocol"], listener.fieldPath]), "head"),
            key,
            related: [baseLine]
          });
        } else if (kind === "fallback") {
          report({
            message: `${subject}: client-certificate validation is now AllowInsecureFallback, so clients with a missing or invalid certificate are accepted; only the backend can still tell them apart.`,
            at: placeOf2(after.resource, now.modePath ?? now.fieldPath, "head"),
            key,
            related: [baseLine]
          });
        } else {
          report({
            message: `${subject}: client-certificate validation (CA ${was.caCertificateRefs.join(", ") || "unset"}) no longer applies, so clients connect without a certificate.`,
            at: baseLine,
            key,
            related: listeners.map((l) => ({ ...placeOf2(after.resource, l.now.fieldPath, "head"), message: "the listener in head" }))
          });
        }
      }
    }
  }
});

// src/rules/gateway/gateway-reference-grant-broadened.ts
var sameFrom = (a) => (b) => a.group === b.group && a.kind === b.kind && a.namespace === b.namespace;
var describeFrom = (f) => `${f.kind} objects in namespace ${f.namespace}`;
var describeTo = (t) => t.name === void 0 ? `every ${t.kind}` : `${t.kind} ${t.name}`;
var describeTos = (grant) => grant.to.map(describeTo).join(", ");
var gateway_reference_grant_broadened_default = defineRule({
  id: "gateway-reference-grant-broadened",
  kind: "diff",
  severity: "high",
  description: "A ReferenceGrant lets more cross-namespace references in: a grant added, a `to.name` removed (every object of the kind), or a `from` namespace added.",
  check({ base, changed, report }) {
    const baseGrants = base.resources.filter(isReferenceGrant).map(referenceGrantOf);
    const granted = (namespace, from, to) => baseGrants.some((g) => g.namespace === namespace && g.from.some(sameFrom(from)) && g.to.some((t) => grantToCovers(t, to)));
    const emit = reportOnce(report);
    for (const { before, after } of changed) {
      if (!after || !isReferenceGrant(after)) continue;
      const now = referenceGrantOf(after);
      const was = before ? referenceGrantOf(before) : void 0;
      const subject = `ReferenceGrant ${now.namespace}/${after.name}`;
      for (const from of now.from) {
        for (const to of now.to) {
          if (granted(now.namespace, from, to)) continue;
          const fromKey = `from ${from.group}/${from.kind}/${from.namespace}`;
          if (!was) {
            emit({
              message: `${subject} added: ${describeFrom(from)} may now reference ${describeTos(now)} in namespace ${now.namespace}, across the namespace border.`,
              at: placeOf2(after, from.fieldPath, "head"),
              key: fromKey
            });
          } else if (!was.from.some(sameFrom(from))) {
            emit({
              message: `${subject}: the namespace ${from.namespace} was added to from, so ${describeFrom(from)} may now reference ${describeTos(now)} in namespace ${now.namespace}.`,
              at: placeOf2(after, from.fieldPath, "head"),
              key: fromKey,
              related: [{ ...placeOf2(before, ["spec", "from"], "base"), message: `from was ${was.from.map((f) => f.namespace).join(", ") || "empty"}` }]
            });
          } else {
            const named = was.to.find((t) => t.group === to.group && t.kind === to.kind && t.name !== void 0);
            const unnamed = to.name === void 0 && named;
            emit({
              message: unnamed ? `${subject}: to.name ${named.name} was removed, so the grant covers every ${to.kind} in namespace ${now.namespace}, not only ${named.name}.` : `${subject}: ${describeTo(to)} in namespace ${now.namespace} was added to the grant, so ${describeFrom(from)} may now reference it.`,
              at: placeOf2(after, to.fieldPath, "head"),
              key: `to ${to.group}/${to.kind}/${to.name ?? "*"}`,
              related: [{ ...placeOf2(before, named ? named.fieldPath : ["spec", "to"], "base"), message: `was ${describeTos(was)}` }]
            });
          }
        }
      }
    }
  }
});

// src/rules/ingress/paths.ts
function elements(path) {
  return path.split("/").filter((e) => e !== "");
}
function isElementPrefix(prefix, path) {
  const p = elements(prefix);
  const q = elements(path);
  return p.length <= q.length && p.every((e, i) => e === q[i]);
}
function matchesEveryPath(match) {
  return match.pathType !== "Exact" && elements(match.path).length === 0;
}
function pathCovers(outer, inner) {
  switch (outer.pathType) {
    case "Exact":
      return inner.pathType === "Exact" && inner.path === outer.path;
    case "Prefix":
      return inner.pathType === "ImplementationSpecific" ? matchesEveryPath(outer) : isElementPrefix(outer.path, inner.path);
    case "ImplementationSpecific":
      return isElementPrefix(outer.path, inner.path);
  }
}
function pathBroader(head, base) {
  return pathCovers(head, base) && !pathCovers(base, head);
}
function matchLength(match, requestPath) {
  if (match.pathType === "Exact") return match.path === requestPath ? elements(requestPath).length : void 0;
  return isElementPrefix(match.path, requestPath) ? elements(match.path).length : void 0;
}
function pathKey(match) {
  return match.pathType === "Exact" ? match.path : `/${elements(match.path).join("/")}`;
}
function describePath(match) {
  return `${code(match.path)} (${match.pathType})`;
}
function representativeRequest(match) {
  return match.pathType === "Exact" ? match.path : `/${[...elements(match.path), "\0"].join("/")}`;
}

// src/rules/gateway/matches.ts
function asIngressPath(path) {
  if (path.type === "RegularExpression") return void 0;
  return { path: path.value, pathType: path.type === "Exact" ? "Exact" : "Prefix" };
}
function pathCoversGateway(outer, inner) {
  if (!outer) return true;
  if (!inner) return false;
  if (outer.type === "PathPrefix" && /^\/*$/.test(outer.value)) return true;
  const o = asIngressPath(outer);
  const i = asIngressPath(inner);
  if (!o || !i) return outer.type === inner.type && outer.value === inner.value;
  return pathCovers(o, i);
}
var sameValue = (name) => (a, b) => name(a) === name(b) && a.type === b.type && a.value === b.value;
var sameHeader = sameValue((m) => m.name.toLowerCase());
var sameQuery = sameValue((m) => m.name);
function grpcCovers(outer, inner) {
  if (!outer) return true;
  if (!inner || outer.type !== inner.type) return false;
  return (outer.service === void 0 || outer.service === inner.service) && (outer.method === void 0 || outer.method === inner.method);
}
function matchCovers(outer, inner) {
  return pathCoversGateway(outer.path, inner.path) && (outer.method === void 0 || outer.method === inner.method) && grpcCovers(outer.grpc, inner.grpc) && outer.headers.every((h) => inner.headers.some((x) => sameHeader(h, x))) && outer.queryParams.every((q) => inner.queryParams.some((x) => sameQuery(q, x)));
}
function matchBroader(now, was) {
  return matchCovers(now, was) && !matchCovers(was, now);
}
function describeMatch(match) {
  const parts = [];
  if (match.path) parts.push(`${match.path.type} ${match.path.value}`);
  if (match.grpc) parts.push(`gRPC ${match.grpc.service ?? "*"}/${match.grpc.method ?? "*"}`);
  if (match.method) parts.push(`method ${match.method}`);
  for (const h of match.headers) parts.push(`header ${h.name}${h.type === "Exact" ? "=" : "~"}${h.value}`);
  for (const q of match.queryParams) parts.push(`query ${q.name}${q.type === "Exact" ? "=" : "~"}${q.value}`);
  return parts.length === 0 ? "every request" : parts.join(", ");
}
function broadeningReasons(now, was) {
  const reasons = [];
  if (!pathCoversGateway(was.path, now.path) && was.path && now.path) {
    reasons.push(now.path.type === was.path.type ? `the path ${was.path.value} became the shorter ${now.path.value}` : `the path ${was.path.type} ${was.path.value} became ${now.path.type} ${now.path.value}`);
  }
  if (was.method && !now.method) reasons.push(`the method ${was.method} is no longer required`);
  if (!grpcCovers(was.grpc, now.grpc)) reasons.push("the gRPC method condition was widened");
  for (const h of was.headers) if (!now.headers.some((x) => sameHeader(h, x))) reasons.push(`the header ${h.name} is no longer required`);
  for (const q of was.queryParams) if (!now.queryParams.some((x) => sameQuery(q, x))) reasons.push(`the query parameter ${q.name} is no longer required`);
  return reasons;
}

// src/rules/gateway/gateway-route-matches-broadened.ts
function matchLine(resource, rule, match) {
  if (!match.fieldPath) return rule.fieldPath;
  return existingPath(resource, [[...match.fieldPath, match.grpc ? "method" : "path"], match.fieldPath]);
}
var gateway_route_matches_broadened_default = defineRule({
  id: "gateway-route-matches-broadened",
  kind: "diff",
  severity: "medium",
  description: "An HTTPRoute or GRPCRoute rule admits requests no base rule admitted: its matches removed (now every request), a shorter path prefix, or a condition dropped.",
  check({ changed, report }) {
    for (const { before, after } of routePairs(changed)) {
      if (!before || !after || after.kind !== "HTTPRoute" && after.kind !== "GRPCRoute") continue;
      const baseMatches = before.rules.flatMap((rule) => rule.matches.map((match) => ({ rule, match })));
      for (const rule of after.rules) {
        for (const match of rule.matches) {
          if (baseMatches.some((b) => matchCovers(b.match, match))) continue;
          const replaced2 = baseMatches.filter((b) => matchBroader(match, b.match)).sort((x, y) => Number(y.rule.matchesEverything) - Number(x.rule.matchesEverything))[0];
          if (!replaced2) continue;
          const everything = rule.matchesEverything;
          const was = everything ? baseMatches.filter((b) => b.rule === replaced2.rule && matchBroader(match, b.match)).map((b) => describeMatch(b.match)).join(" or ") : "";
          report({
            message: `${describeRoute(after)}: ` + (everything ? `rule ${rule.index + 1} has no matches any more, so it takes every request${after.kind === "HTTPRoute" ? " (PathPrefix /)" : ""} on the route's hostnames, not only ${was}.` : `a rule now matches ${describeMatch(match)}, which admits every request of the base's ${describeMatch(replaced2.match)} and more (${broadeningReasons(match, replaced2.match).join("; ")}).`),
            at: placeOf2(after.resource, matchLine(after.resource, rule, match), "head"),
            key: `${describeMatch(match)} from ${describeMatch(replaced2.match)}`,
            related: [{ ...placeOf2(before.resource, matchLine(before.resource, replaced2.rule, replaced2.match), "base"), message: `was ${describeMatch(replaced2.match)}` }]
          });
        }
      }
    }
  }
});

// src/rules/gateway/index.ts
var GATEWAY_RULES = [
  gateway_allowed_routes_broadened_default,
  gateway_hostname_broadened_default,
  gateway_mtls_weakened_default,
  gateway_reference_grant_broadened_default,
  gateway_route_matches_broadened_default
];

// src/rules/ingress/hosts.ts
function normalizeHost(host) {
  return host === void 0 ? void 0 : host.toLowerCase();
}
function isWildcard(host) {
  return host !== void 0 && host.startsWith("*.");
}
function hostCovers(outer, inner) {
  const o = normalizeHost(outer);
  const i = normalizeHost(inner);
  if (o === void 0) return true;
  if (i === void 0) return false;
  if (o === i) return true;
  if (!isWildcard(o) || isWildcard(i)) return false;
  const suffix = o.slice(1);
  return i.endsWith(suffix) && i.length > suffix.length && !i.slice(0, -suffix.length).includes(".");
}
function hostRank(pattern, host) {
  if (normalizeHost(pattern) === normalizeHost(host)) return 2;
  return pattern === void 0 ? 0 : 1;
}
function sameHost(a, b) {
  return normalizeHost(a) === normalizeHost(b);
}

// src/rules/ingress/routes.ts
function ingressPairs(changed) {
  const pairs = [];
  for (const { before, after } of changed) {
    const b = before && isIngress(before) ? ingressOf(before) : void 0;
    const a = after && isIngress(after) ? ingressOf(after) : void 0;
    if (b || a) pairs.push({ before: b, after: a });
  }
  return pairs;
}
function pathsOf(model) {
  return model.rules.flatMap((rule) => rule.paths);
}
function subjectOf(model) {
  return `Ingress ${model.resource.namespace}/${model.resource.name}`;
}
function describeRoute2(route) {
  return route.host === void 0 ? `every host, path ${describePath(route)}` : `${code(`${route.host}${route.path.startsWith("/") ? "" : " "}${route.path}`)} (${route.pathType})`;
}
function routeKey(route) {
  return `${normalizeHost(route.host) ?? "*"} ${pathKey(route)} ${route.pathType}`;
}
function portOf(backend, model, ingress) {
  if (typeof backend.port === "string" && backend.service && model) {
    const service = lookup(model, { group: "", kind: "Service", namespace: ingress.namespace, name: backend.service }, ingress);
    const port = asArray(service?.spec.ports)?.find((p) => isObject(p) && p.name === backend.port);
    if (isObject(port) && typeof port.port === "number") return String(port.port);
  }
  return String(backend.port);
}
function sameBackend(was, now, ingress, snapshots) {
  if (!was || !now) return was === now;
  return was.service === now.service && was.resource === now.resource && portOf(was, snapshots?.base, ingress) === portOf(now, snapshots?.head, ingress);
}
function place(model, path, side) {
  return { resource: model.resource, path, side };
}
function backendLine(backend, other) {
  if (other && backend.service === other.service && backend.resource === other.resource) return backend.portPath ?? backend.path;
  return backend.servicePath ?? backend.path;
}
function serve(model, host, requestPath) {
  let best;
  let bestScore = [];
  for (const route of pathsOf(model)) {
    if (!hostCovers(route.host, host)) continue;
    const length = matchLength(route, requestPath);
    if (length === void 0) continue;
    const score = [hostRank(route.host, host), length, route.pathType === "Exact" ? 2 : route.pathType === "Prefix" ? 1 : 0];
    if (!best || compareScores(score, bestScore) > 0) {
      best = route;
      bestScore = score;
    }
  }
  return best;
}
function compareScores(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
function classifyRoute(route, before, after, snapshots) {
  if (!before) return { kind: "new-route" };
  const basePaths = pathsOf(before);
  const admittedToSameBackend = basePaths.some((b) => hostCovers(b.host, route.host) && pathCovers(b, route) && sameBackend(b.backend, route.backend, after.resource, snapshots));
  if (admittedToSameBackend) return { kind: "unchanged" };
  const sameHostPaths = basePaths.filter((b) => sameHost(b.host, route.host));
  const sameKey = sameHostPaths.filter((b) => pathKey(b) === pathKey(route));
  if (sameKey.length > 0) {
    if (sameKey.some((b) => pathCovers(b, route))) return { kind: "unchanged" };
    const wider = sameKey.find((b) => pathBroader(route, b));
    return wider ? { kind: "path-broadened", base: wider, changed: "pathType" } : { kind: "unchanged" };
  }
  const covered = sameHostPaths.filter((b) => pathBroader(route, b));
  if (covered.length > 0) return { kind: "path-broadened", base: replacedRoute(covered, after), changed: "path" };
  if (route.host === void 0 || isWildcard(route.host)) {
    const bases = basePaths.filter((b) => !sameHost(b.host, route.host) && hostCovers(route.host, b.host) && (pathCovers(route, b) || pathCovers(b, route)));
    if (bases.length > 0) return { kind: "host-broadened", bases };
  }
  return { kind: "new-route" };
}
function replacedRoute(candidates, after) {
  const headKeys = new Set(pathsOf(after).map(routeKey));
  return [...candidates].sort((a, b) => Number(headKeys.has(routeKey(a))) - Number(headKeys.has(routeKey(b))) || b.path.length - a.path.length)[0];
}
function* classifiedRoutes({ base, head, changed }) {
  for (const pair of ingressPairs(changed)) {
    const { before, after } = pair;
    if (!after) continue;
    for (const route of pathsOf(after)) yield { pair, after, route, verdict: classifyRoute(route, before, after, { base, head }) };
  }
}
function* hostBroadenedRules({ base, head, changed }) {
  for (const { before, after } of ingressPairs(changed)) {
    if (!before || !after) continue;
    for (const rule of after.rules) {
      const routes = [];
      const bases = /* @__PURE__ */ new Set();
      for (const route of rule.paths) {
        const verdict = classifyRoute(route, before, after, { base, head });
        if (verdict.kind !== "host-broadened") continue;
        routes.push(route);
        for (const replaced2 of verdict.bases) bases.add(replaced2);
      }
      if (routes.length > 0) yield { before, after, rule, routes, bases: [...bases] };
    }
  }
}
function byHost(routes) {
  const hosts = /* @__PURE__ */ new Map();
  for (const route of routes) {
    const host = normalizeHost(route.host) ?? "*";
    if (!hosts.has(host)) hosts.set(host, route);
  }
  return hosts;
}
function hostFieldOf(route) {
  return [...route.fieldPath.slice(0, 3), "host"];
}

// src/rules/ingress/ingress-backend-changed.ts
function changedBackend(before, after, was, now, what, key) {
  return {
    message: `${subjectOf(after)}: ${what} now routes to ${describeBackend(now)} instead of ${describeBackend(was)}; existing clients reach a different service or port, which may not expect external traffic or enforce the same checks.`,
    at: place(after, backendLine(now, was), "head"),
    key,
    related: [{ ...place(before, backendLine(was, now), "base"), message: `was ${describeBackend(was)}` }]
  };
}
var ingress_backend_changed_default = defineRule({
  id: "ingress-backend-changed",
  kind: "diff",
  severity: "medium",
  description: "Requests for an existing Ingress host/path (or the default backend) now go to another service or port.",
  check({ base, head, changed, report }) {
    for (const { before, after } of ingressPairs(changed)) {
      if (!before || !after) continue;
      const seen = /* @__PURE__ */ new Set();
      for (const route of pathsOf(before)) {
        const request = representativeRequest(route);
        const id = `${normalizeHost(route.host) ?? "*"} ${request}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const was = serve(before, route.host, request);
        const now = serve(after, route.host, request);
        if (!was || !now || sameBackend(was.backend, now.backend, after.resource, { base, head })) continue;
        const through = routeKey(now) === routeKey(was) ? "" : ` (through the head route ${describeRoute2(now)})`;
        report(changedBackend(before, after, was.backend, now.backend, `the route ${describeRoute2(was)}${through}`, routeKey(was)));
      }
      if (before.defaultBackend && after.defaultBackend && !sameBackend(before.defaultBackend, after.defaultBackend, after.resource, { base, head })) {
        report(changedBackend(before, after, before.defaultBackend, after.defaultBackend, "the default backend", "defaultBackend"));
      }
    }
  }
});

// src/rules/ingress/ingress-class-changed.ts
var DEFAULT_CLASS_ANNOTATION2 = "ingressclass.kubernetes.io/is-default-class";
function defaultClassOf(model) {
  const defaults2 = model.resources.filter((r) => r.kind === "IngressClass" && r.annotations()[DEFAULT_CLASS_ANNOTATION2] === "true");
  return defaults2.length === 1 ? defaults2[0].name : void 0;
}
function describeClass(name, defaultClass) {
  if (name !== void 0) return `class ${code(name)}`;
  return defaultClass === void 0 ? "no class (the cluster default IngressClass, or no controller at all)" : `no class (the default IngressClass ${code(defaultClass)})`;
}
var ingress_class_changed_default = defineRule({
  id: "ingress-class-changed",
  kind: "diff",
  severity: "high",
  description: `The Ingress class (\`ingressClassName\` or the \`${INGRESS_CLASS_ANNOTATION}\` annotation) changes, moving the Ingress to another controller.`,
  check({ base, head, changed, report }) {
    const baseDefault = defaultClassOf(base);
    const headDefault = defaultClassOf(head);
    for (const { before, after } of ingressPairs(changed)) {
      if (!before || !after) continue;
      if (before.className === after.className) continue;
      const was = before.className ?? baseDefault;
      const now = after.className ?? headDefault;
      if (was === now) continue;
      report({
        message: `${subjectOf(after)}: moves from ${describeClass(before.className, baseDefault)} to ${describeClass(after.className, headDefault)}; another controller now serves it, with its own listeners, IP allow-lists, authentication and TLS defaults, so the protections configured for the old controller no longer apply.`,
        at: place(after, after.className === void 0 ? before.classPath : after.classPath, "head"),
        key: `${was ?? ""} → ${now ?? ""}`,
        related: [{ ...place(before, before.classPath, "base"), message: `was ${describeClass(before.className, baseDefault)}` }]
      });
    }
  }
});

// src/rules/ingress/ingress-default-backend-added.ts
var ingress_default_backend_added_default = defineRule({
  id: "ingress-default-backend-added",
  kind: "diff",
  severity: "medium",
  description: "An Ingress gains a default backend (`spec.defaultBackend`, v1beta1 `spec.backend`) that takes every request no rule matches.",
  check({ changed, report }) {
    for (const { before, after } of ingressPairs(changed)) {
      if (!after?.defaultBackend || before?.defaultBackend) continue;
      report({
        message: `${subjectOf(after)}: a default backend ${describeBackend(after.defaultBackend)} was added; it receives every request no rule matches (any host, any path), so the service is exposed far beyond the routes listed in the Ingress.`,
        at: place(after, after.defaultBackend.path, "head"),
        key: "defaultBackend"
      });
    }
  }
});

// src/rules/ingress/ingress-host-removed.ts
var ingress_host_removed_default = defineRule({
  id: "ingress-host-removed",
  kind: "diff",
  severity: "high",
  description: "An Ingress rule loses its host and now matches every host name that reaches the controller.",
  check(context) {
    const { report } = context;
    for (const { before, after, rule, routes, bases } of hostBroadenedRules(context)) {
      if (rule.host !== void 0) continue;
      const hosts = byHost(bases);
      const names = [...hosts.keys()].sort();
      report({
        message: `${subjectOf(after)}: the rule for ${routes.map(describePath).join(", ")} no longer has a host (was ${names.map((n) => code(n)).join(", ")}), so it now matches every host: any name that resolves to the Ingress controller, or a raw IP with any Host header, reaches its backends.`,
        at: place(after, [...rule.fieldPath, "host"], "head"),
        key: `${routes.map((r) => r.path).sort().join(",")} from ${names.join(",")}`,
        related: [...hosts.values()].map((base) => ({ ...place(before, hostFieldOf(base), "base"), message: `was host ${base.host ?? ""}` }))
      });
    }
  }
});

// src/rules/ingress/ingress-host-wildcarded.ts
var ingress_host_wildcarded_default = defineRule({
  id: "ingress-host-wildcarded",
  kind: "diff",
  severity: "medium",
  description: "An exact Ingress host becomes a wildcard (`*.example.com`), so every single-label subdomain now reaches the backends.",
  check(context) {
    const { report } = context;
    for (const { before, after, rule, bases } of hostBroadenedRules(context)) {
      if (rule.host === void 0) continue;
      const hosts = byHost(bases);
      const names = [...hosts.keys()].sort();
      report({
        message: `${subjectOf(after)}: host ${names.map((n) => code(n)).join(", ")} became ${code(rule.host)}, so requests for any name of the form ${code(rule.host)} (one label in place of the ${code("*")}) now reach the backends, not only ${names.map((n) => code(n)).join(", ")}.`,
        at: place(after, [...rule.fieldPath, "host"], "head"),
        key: `${rule.host} from ${names.join(",")}`,
        related: [...hosts.values()].map((base) => ({ ...place(before, hostFieldOf(base), "base"), message: `was host ${base.host ?? ""}` }))
      });
    }
  }
});

// src/rules/ingress/ingress-new-route.ts
var ingress_new_route_default = defineRule({
  id: "ingress-new-route",
  kind: "diff",
  severity: "info",
  description: "An Ingress routes a host/path to a service that the base did not route there.",
  check(context) {
    const { report } = context;
    for (const { pair, after, route, verdict } of classifiedRoutes(context)) {
      if (verdict.kind !== "new-route") continue;
      const tier = route.backend.service ? serviceSeverity(context.config?.tiers, context.head, after.resource.namespace, route.backend.service) : void 0;
      report({
        message: `${subjectOf(after)}${pair.before ? "" : " (new)"}: new route ${describeRoute2(route)} → ${describeBackend(route.backend)}; the service becomes reachable from outside the cluster on this host and path, check that it is meant to be public${tier?.suffix ?? ""}.`,
        ...tier ? { severity: tier.severity } : {},
        at: place(after, [...route.fieldPath, "path"], "head"),
        key: `${routeKey(route)} → ${describeBackend(route.backend)}`
      });
    }
  }
});

// src/rules/ingress/ingress-path-broadened.ts
var ingress_path_broadened_default = defineRule({
  id: "ingress-path-broadened",
  kind: "diff",
  severity: "medium",
  description: "An Ingress route now admits request paths it did not: Exact → Prefix, a shorter prefix, or → ImplementationSpecific.",
  check(context) {
    const { report } = context;
    for (const { pair, after, route, verdict } of classifiedRoutes(context)) {
      if (verdict.kind !== "path-broadened" || !pair.before) continue;
      const field = verdict.changed;
      const everything = matchesEveryPath(route);
      report({
        message: `${subjectOf(after)}: the route for ${describeRoute2(verdict.base)} now matches ${describePath(route)}${route.host === void 0 ? " on every host" : ` on ${code(route.host)}`}, ` + (everything ? `which is every path of the host: anything ${describeBackend(route.backend)} serves, including admin and debug endpoints, is now reachable through the Ingress.` : `so requests the base did not route to ${describeBackend(route.backend)} now reach it.`),
        at: place(after, [...route.fieldPath, field], "head"),
        severity: everything ? "high" : void 0,
        key: `${routeKey(route)} from ${routeKey(verdict.base)}`,
        related: [{ ...place(pair.before, [...verdict.base.fieldPath, field], "base"), message: `was ${describePath(verdict.base)}` }]
      });
    }
  }
});

// src/rules/ingress/ingress-tls-removed.ts
function tlsFor2(model, host) {
  for (const [entry, tls] of model.tls.entries()) {
    if (tls.hosts.length === 0) return { entry };
    const item = tls.hosts.findIndex((pattern) => hostCovers(pattern, host));
    if (item >= 0) return { entry, item };
  }
  return void 0;
}
var ingress_tls_removed_default = defineRule({
  id: "ingress-tls-removed",
  kind: "diff",
  severity: "high",
  description: "A host that the base served over TLS is still served by the Ingress but no longer covered by its `tls` section.",
  check({ changed, report }) {
    for (const { before, after } of ingressPairs(changed)) {
      if (!before || !after) continue;
      for (const [host, baseRoute] of byHost(pathsOf(before))) {
        if (baseRoute.host === void 0) continue;
        const baseTls = tlsFor2(before, baseRoute.host);
        if (!baseTls || tlsFor2(after, baseRoute.host)) continue;
        const served = pathsOf(after).filter((route) => hostCovers(route.host, baseRoute.host)).sort((a, b) => Number(normalizeHost(b.host) === host) - Number(normalizeHost(a.host) === host))[0];
        if (!served) continue;
        const tlsField = [...before.tls[baseTls.entry].fieldPath, ...baseTls.item === void 0 ? [] : ["hosts", baseTls.item]];
        report({
          message: `${subjectOf(after)}: host ${code(baseRoute.host ?? "")} was served over TLS and is no longer listed in spec.tls, so the controller serves it with plain HTTP (or its default certificate): traffic and credentials can be read or altered on the way.`,
          at: place(after, hostFieldOf(served), "head"),
          key: host,
          related: [{ ...place(before, tlsField, "base"), message: `TLS for ${baseRoute.host} in base` }]
        });
      }
    }
  }
});

// src/rules/ingress/index.ts
var INGRESS_RULES = [
  ingress_backend_changed_default,
  ingress_class_changed_default,
  ingress_default_backend_added_default,
  ingress_host_removed_default,
  ingress_host_wildcarded_default,
  ingress_new_route_default,
  ingress_path_broadened_default,
  ingress_tls_removed_default
];

// src/rules/manifest/controller-config-invalid.ts
function controllerProblems(resource, model) {
  if (isIngress(resource)) return nginxServes(resource, model) ? nginxOf(resource).problems : [];
  if (isIngressRoute(resource)) return ingressRouteOf(resource).problems;
  if (isMiddleware(resource)) return middlewareOf(resource).problems;
  if (isTlsOption(resource)) return tlsOptionOf(resource).problems;
  if (isGateway(resource)) return gatewayOf(resource).problems;
  if (isGatewayRoute(resource)) return gatewayRouteOf(resource).problems;
  return [];
}
var controller_config_invalid_default = defineRule({
  id: "controller-config-invalid",
  kind: "state",
  modes: ["pr", "audit"],
  severity: "high",
  description: "A controller setting the API server accepts but the controller rejects or replaces with its default (an unparsable Traefik rule, a bad CIDR in an allow-list, an unknown mode), so the guard it was meant to add may not apply.",
  check({ model, side, report }) {
    for (const resource of model.resources) {
      for (const problem of controllerProblems(resource, model)) {
        report({
          message: `${describeIdentity(resource)}: ${problem.message} (at ${formatFieldPath(problem.path)}). The API server accepts this, but the controller does not apply it as written: a guard it was meant to add may be missing.`,
          at: { resource, path: problem.path, side },
          key: `${formatFieldPath(problem.path)}\0${problem.message}`
        });
      }
    }
  }
});

// src/rules/manifest/manifest-duplicate.ts
var manifest_duplicate_default = defineRule({
  id: "manifest-duplicate",
  kind: "state",
  modes: ["pr", "audit"],
  severity: "high",
  description: "Two objects on one side have the same identity (group, kind, namespace, name): `kubectl apply -f` keeps the copy applied last (last by path order), which is the one analyzed; high when the copies differ in meaning, low when identical.",
  check({ model, side, report }) {
    for (const problem of model.problems) {
      if (problem.kind !== "duplicate" || !problem.resource || !problem.overwritten) continue;
      report({
        message: problem.message,
        // Identical copies change nothing whichever wins; differing ones make the reviewed copy possibly not the applied one.
        severity: problem.differs ? void 0 : "low",
        at: { resource: problem.resource, side },
        related: problem.overwritten.map((resource) => ({ resource, side, message: "overwritten copy" })),
        key: problem.differs ? "duplicate-differs" : "duplicate"
      });
    }
  }
});

// src/rules/manifest/manifest-invalid.ts
var manifest_invalid_default = defineRule({
  id: "manifest-invalid",
  kind: "state",
  modes: ["pr", "audit"],
  severity: "high",
  description: "An object the API server would reject (an empty peer, ipBlock with a selector, an except outside its cidr, a bad CIDR, endPort below port, a missing pathType), so applying the change fails or does not do what it says.",
  check({ model, side, changedResources, report, reportAt }) {
    for (const problem of model.problems) {
      if (problem.kind !== "invalid") continue;
      reportAt({
        message: `${problem.message}. The API server's strict field validation rejects this object.`,
        path: problem.location.path,
        line: problem.location.line,
        key: problem.message
      });
    }
    for (const resource of changedResources) {
      const problems = isNetworkPolicy(resource) ? networkPolicyOf(resource).problems : isCiliumPolicy(resource) ? ciliumPolicyOf(resource).problems : isIngress(resource) ? ingressOf(resource).problems : clusterPolicyOf(resource)?.problems ?? [];
      for (const problem of problems) {
        report({
          message: `${describeIdentity(resource)}: ${problem.message} (at ${formatFieldPath(problem.path)}). The API server rejects this object, so the policy it was meant to enforce is not applied.`,
          at: { resource, path: problem.path, side },
          key: `${formatFieldPath(problem.path)}\0${problem.message}`
        });
      }
      if (resource.name === "") {
        report({ message: `${resource.kind} has no metadata.name; the API server rejects it.`, at: { resource, path: ["metadata"], side }, key: "no-name" });
      }
    }
  }
});

// src/rules/manifest/manifest-parse-error.ts
var manifest_parse_error_default = defineRule({
  id: "manifest-parse-error",
  kind: "state",
  modes: ["pr", "audit"],
  severity: "high",
  description: "A Kubernetes manifest file cannot be read (broken YAML or JSON, too large, binary, not UTF-8/16/32, alias bomb, nesting too deep, a symlink out of the tree, a special file), so nothing in it was analyzed.",
  check({ model, reportAt }) {
    for (const problem of model.problems) {
      if (problem.kind !== "parse-error") continue;
      reportAt({
        message: `${capitalize(problem.message)}. The objects in this file were not analyzed, so a regression in them would go unseen.`,
        path: problem.location.path,
        line: problem.location.line,
        key: problem.message
      });
    }
  }
});

// src/rules/manifest/manifest-too-complex.ts
function approximationsOf(resource) {
  if (isIngressRoute(resource)) return ingressRouteOf(resource).approximations;
  return [];
}
var manifest_too_complex_default = defineRule({
  id: "manifest-too-complex",
  kind: "diff",
  modes: ["pr", "audit"],
  severity: "high",
  description: "An object the change adds or edits is too large or complex to analyze exactly, so segguard analyzed a broader meaning (e.g. a route that may match everything as matching everything) and a reviewer must check it.",
  check(context) {
    const { changed, report } = context;
    const tell = (resource, approximation, side) => report({
      message: `${describeIdentity(resource)}: ${approximation.message} (at ${formatFieldPath(approximation.path)}). segguard cannot analyze it exactly, so what it reports here may be broader than the change; check it by hand or simplify it.`,
      at: { resource, path: approximation.path, side },
      key: `${formatFieldPath(approximation.path)}\0${approximation.message}`
    });
    for (const { after } of changed) {
      if (!after) continue;
      for (const approximation of approximationsOf(after)) tell(after, approximation, "head");
    }
    const tooComplex = context.mode === "audit" ? void 0 : connectivityChange(context)?.tooComplex;
    if (tooComplex) tell(tooComplex.resource, { path: tooComplex.path, message: tooComplex.message }, tooComplex.side);
  }
});

// src/rules/manifest/render-failed.ts
var render_failed_default = defineRule({
  id: "render-failed",
  kind: "diff",
  modes: ["pr", "audit"],
  severity: "high",
  description: "A Kustomize overlay or Helm chart of the head could not be rendered (the tool failed, or segguard refused a remote base, a plugin or an unvendored dependency), so none of its objects was analyzed.",
  check({ head, reportAt }) {
    for (const problem of head.problems) {
      if (problem.kind !== "render-failed" || !problem.target) continue;
      const { target } = problem;
      reportAt?.({
        message: `${target.tool === "helm" ? "Helm chart" : "Kustomize target"} ${describeEnvironment(target)} was not rendered: ${problem.message}. None of its objects was analyzed, so a regression in them would go unseen; the other targets and files were.`,
        path: problem.location.path,
        line: problem.location.line,
        side: "head",
        // Without the tool's text, which may carry line numbers or temporary paths: stable across pushes.
        key: `${target.tool}\0${target.path}\0${problem.location.path}`
      });
    }
  }
});

// src/rules/manifest/suppression-invalid.ts
var suppression_invalid_default = defineRule({
  id: "suppression-invalid",
  kind: "state",
  modes: ["pr", "audit"],
  severity: "medium",
  description: `A \`${IGNORE_ANNOTATION}\` annotation without a reason or without rule ids: it is not honoured, because every suppression must say why.`,
  check({ side, changedResources, report }) {
    for (const resource of changedResources) {
      const suppression = suppressionOf(resource);
      if (!suppression || suppression.reason && suppression.ruleIds.length > 0) continue;
      const missing = suppression.ruleIds.length === 0 ? "rule ids" : "reason";
      report({
        message: `The ${IGNORE_ANNOTATION} annotation on ${describeIdentity(resource)} has no ${missing}; write "<rule-id>[,<rule-id>]: <reason>". Until then it suppresses nothing.`,
        at: { resource, path: ["metadata", "annotations", IGNORE_ANNOTATION], side },
        key: "suppression"
      });
    }
  }
});

// src/rules/manifest/index.ts
var MANIFEST_RULES = [controller_config_invalid_default, manifest_duplicate_default, manifest_invalid_default, manifest_none_read_default, manifest_parse_error_default, manifest_too_complex_default, render_failed_default, suppression_invalid_default];

// src/rules/netpol/default-deny.ts
var cache3 = /* @__PURE__ */ new WeakMap();
function defaultDenyLosses(context) {
  const cached = cache3.get(context.head);
  if (cached && cached.base === context.base) return cached.losses;
  const losses = computeLosses(context);
  cache3.set(context.head, { base: context.base, losses });
  return losses;
}
function claimedByDefaultDeny(context, key, direction) {
  return defaultDenyLosses(context).some((l) => l.before.resource.key === key && (!direction || l.directions.includes(direction)));
}
function computeLosses({ base, head, changed }) {
  const losses = [];
  for (const { before, after } of changedPolicies(changed)) {
    if (!before) continue;
    const namespace = before.resource.namespace;
    for (const direction of DIRECTIONS) {
      if (!isDefaultDeny(before, direction)) continue;
      if (admitsEverything(baselineRules(base, namespace, EVERYTHING, direction))) continue;
      if (after && isDefaultDeny(after, direction)) continue;
      const allowAll = after && selectsEverything(after.podSelector) && after.isolates[direction] ? after.rules[direction].find(isAllowAll) : void 0;
      let loss;
      if (allowAll && after) {
        loss = { before, after, how: "allow-all", rule: allowAll, side: "head", path: allowAll.path };
      } else if (policyIndexOf(head).where(namespace, (p) => selectsEverything(p.podSelector) && p.isolates[direction]).length > 0) {
        continue;
      } else if (!after) {
        loss = { before, how: "deleted", side: "base", path: [] };
      } else if (!after.isolates[direction]) {
        loss = { before, after, how: "unisolated", side: "head", path: policyTypesPath(after) };
      } else {
        loss = { before, after, how: "narrowed", side: "head", path: ["spec", "podSelector"] };
      }
      const same = losses.find((l) => l.before === before && l.how === loss.how && l.side === loss.side && l.path.join(".") === loss.path.join("."));
      if (same) same.directions.push(direction);
      else losses.push({ ...loss, directions: [direction] });
    }
  }
  return losses;
}

// src/rules/netpol/named-ports.ts
var templates = /* @__PURE__ */ new WeakMap();
function templatesIn(model, namespace) {
  let byNamespace = templates.get(model);
  if (!byNamespace) {
    byNamespace = /* @__PURE__ */ new Map();
    for (const resource of model.byKey.values()) {
      const template = podTemplateOf(resource);
      if (!template) continue;
      const list = byNamespace.get(resource.namespace) ?? [];
      list.push(template);
      byNamespace.set(resource.namespace, list);
    }
    templates.set(model, byNamespace);
  }
  return byNamespace.get(namespace) ?? [];
}
function podTemplateOf(resource) {
  const pod = resource.kind === "Pod" ? resource.object : getIn(resource.object, ["spec", "template"]) ?? getIn(resource.object, ["spec", "jobTemplate", "spec", "template"]);
  if (!isObject(pod) || !isObject(pod.spec)) return void 0;
  const labels = getIn(pod, ["metadata", "labels"]);
  const ports = /* @__PURE__ */ new Map();
  for (const field of ["containers", "initContainers"]) {
    const containers = pod.spec[field];
    if (!Array.isArray(containers)) continue;
    for (const container of containers) {
      const list = isObject(container) ? container.ports : void 0;
      if (!Array.isArray(list)) continue;
      for (const port of list) {
        if (!isObject(port) || typeof port.name !== "string" || typeof port.containerPort !== "number") continue;
        ports.set(`${typeof port.protocol === "string" ? port.protocol : "TCP"}/${port.name}`, port.containerPort);
      }
    }
  }
  const labelMap = {};
  if (isObject(labels)) for (const [k, v] of Object.entries(labels)) labelMap[k] = String(v);
  return { labels: labelMap, ports };
}
function resolveNamedPorts(rule, model, namespace, podSelector) {
  if (rule.direction !== "ingress" || rule.ports === "all" || !rule.ports.some((p) => typeof p.port === "string")) return rule;
  const pods = templatesIn(model, namespace).filter((t) => matches(podSelector, t.labels));
  if (pods.length === 0) return rule;
  const ports = rule.ports.map((spec) => {
    if (typeof spec.port !== "string") return spec;
    const numbers = new Set(pods.map((pod) => pod.ports.get(`${spec.protocol}/${spec.port}`)));
    const [number] = numbers;
    return numbers.size === 1 && number !== void 0 ? { ...spec, port: number } : spec;
  });
  return { ...rule, ports };
}

// src/rules/netpol/widenings.ts
var cache4 = /* @__PURE__ */ new WeakMap();
function widenings(context) {
  const cached = cache4.get(context.head);
  if (cached && cached.base === context.base) return cached.widenings;
  const found = [];
  for (const { before, after } of changedPolicies(context.changed)) {
    if (after) found.push(...policyWidenings(context, after, before));
  }
  cache4.set(context.head, { base: context.base, widenings: found });
  return found;
}
function wideningsOf(context, kind) {
  return widenings(context).filter((w) => w.kind === kind);
}
function policyWidenings(context, policy, before) {
  const { base, head } = context;
  const namespace = policy.resource.namespace;
  const out = [];
  const relabelled = before && relabelledWithItsPods(base, head, before, policy) ? before : void 0;
  for (const direction of DIRECTIONS) {
    if (!policy.isolates[direction]) continue;
    const own = relabelled?.isolates[direction] ? relabelled : void 0;
    const isolatedBy = [...own ? [own] : [], ...isolatingPolicies(base, namespace, policy.podSelector, direction).filter((p) => p !== own)];
    if (isolatedBy.length === 0) continue;
    const baseline = [
      ...own ? own.rules[direction].map((rule) => ({ policy: own, rule: resolveNamedPorts(rule, base, namespace, own.podSelector) })) : [],
      ...baselineRules(base, namespace, policy.podSelector, direction, policy.resource.key).filter((b) => b.policy !== own).map((b) => ({ policy: b.policy, rule: resolveNamedPorts(b.rule, base, namespace, policy.podSelector) }))
    ];
    if (admitsEverything(baseline)) continue;
    const judge = new RuleJudge({
      policy,
      direction,
      isolatedBy,
      baseline,
      scope: scopeOf2(base, head, namespace),
      out,
      before,
      allowAllClaimed: claimedByDefaultDeny(context, policy.resource.key, direction)
    });
    for (const rule of policy.rules[direction]) judge.judge(resolveNamedPorts(rule, head, namespace, policy.podSelector));
  }
  return out;
}
var RuleJudge = class {
  constructor(input) {
    this.input = input;
  }
  input;
  push(rule, detail) {
    const { policy, direction, isolatedBy } = this.input;
    this.input.out.push({ policy, direction, rule, isolatedBy, ...detail });
  }
  judge(rule) {
    if (rule.peers === "all") this.judgeEveryPeer(rule);
    else this.judgePeers(rule, rule.peers);
  }
  /** `from`/`to` empty or absent: compared with the base rules that also admitted every peer. */
  judgeEveryPeer(rule) {
    const everyPeer = this.input.baseline.filter((b) => b.rule.peers === "all");
    const extra = portsNotWithin(rule.ports, everyPeer.map((b) => b.rule.ports));
    if (extra !== "all" && extra.length === 0) return;
    if (rule.ports === "all" || coversEveryPort(rule.ports)) {
      if (!this.input.allowAllClaimed) this.push(rule, { kind: "allow-all", replaced: this.counterpart() });
    } else if (everyPeer.length === 0) {
      this.push(rule, { kind: "peers-emptied", replaced: this.counterpart(rule.ports) });
    } else {
      for (const port of extra === "all" ? [] : extra) this.push(rule, { kind: "port-range-widened", port, replaced: portRef(everyPeer, port) });
    }
  }
  judgePeers(rule, peers) {
    const { baseline, scope } = this.input;
    const allPortPeers = [];
    const allPortBefore = [];
    let allPortRef;
    const widenedPorts = /* @__PURE__ */ new Map();
    for (const peer of peers) {
      if (peer.type === "ipBlock") this.judgeIpBlock(rule, peer);
      else if (!baseline.some((b) => peersAdmit(b.rule.peers, peer, scope))) this.judgePodPeer(rule, peer, peers);
      const { extra, rules } = peer.type === "ipBlock" ? this.ipBlockPortGain(rule.ports, peer) : this.podPortGain(rule.ports, peer);
      if (extra === "all") {
        allPortPeers.push(peer);
        for (const b of rules) if (b.rule.ports !== "all") allPortBefore.push(...b.rule.ports);
        allPortRef ??= rules[0] && { policy: rules[0].policy, rule: rules[0].rule };
      } else {
        for (const port of extra) if (!widenedPorts.has(port)) widenedPorts.set(port, portRef(rules, port));
      }
    }
    if (allPortPeers.length > 0) this.push(rule, { kind: "ports-emptied", peers: allPortPeers, before: allPortBefore, replaced: allPortRef });
    for (const [port, replaced2] of widenedPorts) this.push(rule, { kind: "port-range-widened", port, replaced: replaced2 });
  }
  /**
   * The ports on which pods the base already admitted (all of `peer`, or base peers inside it) are newly
   * admitted. Each such source keeps the union of the ports of the base rules that admit all of it; a rule that
   * only overlaps it says nothing about the rest of it. A wholly new source gains no "ports": it is a new grant.
   */
  podPortGain(ports, peer) {
    const { baseline, scope } = this.input;
    const old = [peer, ...baseline.flatMap((b) => b.rule.peers === "all" ? [] : b.rule.peers).filter((q) => q.type === "pods" && podPeerWithin(q, peer, scope))];
    const gain = { extra: [], rules: [] };
    for (const source of old) {
      const rules = baseline.filter((b) => peersAdmit(b.rule.peers, source, scope));
      if (rules.length > 0) addGain(gain, portsNotWithin(ports, rules.map((b) => b.rule.ports)), rules);
    }
    return gain;
  }
  /** The same for addresses: the ports on which addresses the base admitted on other ports are now admitted. */
  ipBlockPortGain(ports, peer) {
    const { baseline } = this.input;
    const addressesOfRules = (rules2) => rules2.reduce((set, b) => set.union(addressesOf(b.rule.peers)), addressesOf([]));
    const old = peer.addresses.intersect(addressesOfRules(baseline));
    const rules = baseline.filter((b) => !addressesOf(b.rule.peers).intersect(old).isEmpty());
    const gain = { extra: [], rules };
    if (old.isEmpty()) return gain;
    const admittedOn = (port) => addressesOfRules(rules.filter((b) => portsNotWithin(port === "all" ? "all" : [port], [b.rule.ports]).length === 0));
    if (ports === "all") {
      if (!old.isSubsetOf(admittedOn("all"))) gain.extra = "all";
    } else {
      gain.extra = ports.filter((port) => !old.isSubsetOf(admittedOn(port)));
    }
    return gain;
  }
  judgeIpBlock(rule, peer) {
    const before = this.input.baseline.reduce((set, b) => set.union(addressesOf(b.rule.peers)), addressesOf([]));
    const added = peer.addresses.subtract(before);
    if (added.isEmpty()) return;
    const blocks = this.input.baseline.flatMap((b) => b.rule.peers === "all" ? [] : b.rule.peers.filter((q) => q.type === "ipBlock").map((q) => ({ policy: b.policy, rule: b.rule, peer: q })));
    const replaced2 = blocks.find((ref) => !ref.peer.addresses.intersect(peer.addresses).isEmpty()) ?? blocks[0];
    this.push(rule, { kind: "ipblock-widened", peer, added, replaced: replaced2 });
  }
  /** A pod peer the base did not fully admit: a split AND, every namespace, a broadened selector, or a new grant. */
  judgePodPeer(rule, peer, peers) {
    const { baseline, scope } = this.input;
    const basePeers = baseline.flatMap((b) => b.rule.peers === "all" ? [] : b.rule.peers.filter((q) => q.type === "pods").map((q) => ({ policy: b.policy, rule: b.rule, peer: q })));
    this.judgeMutableLabel(rule, peer, basePeers);
    for (const ref of basePeers) {
      const halves = splitHalves(ref.peer, peers);
      if (!halves || peer !== halves[0] && peer !== halves[1]) continue;
      if (this.input.out.some((w) => w.kind === "peer-split" && w.rule === rule && w.replaced?.peer === ref.peer)) return;
      this.push(rule, { kind: "peer-split", peer, other: peer === halves[0] ? halves[1] : halves[0], replaced: ref });
      return;
    }
    const narrower = basePeers.find((ref) => podPeerWithin(ref.peer, peer, scope));
    const everyNamespace = (p) => p.namespaces !== "own" && selectsEverything(p.namespaces);
    if (everyNamespace(peer) && !(narrower && everyNamespace(narrower.peer))) {
      this.push(rule, { kind: "all-namespaces", peer, replaced: narrower });
    } else if (narrower) {
      this.push(rule, { kind: "selector-broadened", peer, replaced: narrower });
    }
  }
  /** A namespaceSelector on a label the base did not select namespaces by, other than the immutable name label. */
  judgeMutableLabel(rule, peer, basePeers) {
    if (peer.namespaces === "own") return;
    const known = new Set(basePeers.flatMap((ref) => ref.peer.namespaces === "own" ? [] : [...ref.peer.namespaces.constraints.keys()]));
    const keys2 = [...peer.namespaces.constraints.keys()].filter((k) => k !== NAMESPACE_NAME_LABEL2 && !known.has(k)).sort();
    if (keys2.length > 0) this.push(rule, { kind: "mutable-namespace-label", peer, keys: keys2 });
  }
  /** The rule of the same policy before the change that the head no longer has, preferring one on the same ports. */
  counterpart(ports) {
    const { policy, direction, before } = this.input;
    if (!before) return void 0;
    const namespace = policy.resource.namespace;
    const current = new Set(policy.rules[direction].map((r) => signature3(r, namespace)));
    const gone = before.rules[direction].filter((r) => !current.has(signature3(r, namespace)));
    const match = (ports && gone.find((r) => r.ports !== "all" && ports.every((p) => portSpecWithin(p, r.ports)))) ?? gone[0];
    return match ? { policy: before, rule: match } : void 0;
  }
};
function addGain(gain, extra, rules) {
  if (gain.extra === "all") return;
  if (extra === "all") {
    gain.extra = "all";
    gain.rules = rules;
  } else if (extra.length > 0) {
    gain.extra = [.../* @__PURE__ */ new Set([...gain.extra, ...extra])];
    if (gain.rules.length === 0) gain.rules = rules;
  }
}
function splitHalves(combined, peers) {
  if (!combined.combined || combined.namespaces === "own") return void 0;
  const namespaces = combined.namespaces;
  const pods = peers.filter((p) => p.type === "pods");
  const nsHalf = pods.find((p) => p.namespaces !== "own" && selectsEverything(p.pods) && compareSelectors(p.namespaces, namespaces) === "equal");
  const podHalf = pods.find((p) => p.namespaces === "own" && compareSelectors(p.pods, combined.pods) === "equal");
  return nsHalf && podHalf ? [nsHalf, podHalf] : void 0;
}
function portRef(related, port) {
  for (const b of related) {
    const same = b.rule.ports === "all" ? void 0 : b.rule.ports.find((p) => p.protocol === port.protocol);
    if (same) return { policy: b.policy, rule: b.rule, port: same };
  }
  return related[0] ? { policy: related[0].policy, rule: related[0].rule } : void 0;
}
function signature3(rule, namespace) {
  const peers = rule.peers === "all" ? ["*"] : rule.peers.map((p) => describePeer(p, namespace)).sort();
  const ports = rule.ports === "all" ? ["*"] : rule.ports.map((p) => `${p.protocol}/${p.port ?? "*"}-${p.endPort ?? ""}`).sort();
  return `${peers.join("|")} ${ports.join("|")}`;
}
function replacedPlace(ref, message) {
  if (!ref) return [];
  const path = ref.peer?.path ?? ref.port?.path ?? ref.rule.path;
  return [{ resource: ref.policy.resource, path, side: "base", message }];
}
function describeReplaced(ref) {
  if (!ref) return void 0;
  const namespace = ref.policy.resource.namespace;
  return ref.peer ? describePeer(ref.peer, namespace) : describeRule(ref.rule, namespace);
}

// src/rules/netpol/netpol-all-namespaces-peer.ts
var netpol_all_namespaces_peer_default = defineRule({
  id: "netpol-all-namespaces-peer",
  kind: "diff",
  severity: "high",
  description: "A peer with `namespaceSelector: {}` appears, admitting pods of every namespace of the cluster.",
  check(context) {
    for (const w of wideningsOf(context, "all-namespaces")) {
      const namespace = w.policy.resource.namespace;
      const was = describeReplaced(w.replaced);
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: ${w.direction} rule ${w.rule.index} now has a peer with ${code("namespaceSelector: {}")}, admitting ${describePeer(w.peer, namespace)}${was ? ` instead of ${was}` : ""}. ${capitalize(isolationNote(w.direction, w.isolatedBy))}; any workload in any namespace, including ones created later, is now an allowed ${PEER_WORD[w.direction].one}.`,
        at: { resource: w.policy.resource, path: [...w.peer.path, "namespaceSelector"], side: "head" },
        key: `${w.direction} ${describePeer(w.peer, namespace)}`,
        related: replacedPlace(w.replaced, "the base peer it replaced")
      });
    }
  }
});

// src/rules/netpol/netpol-allow-all-rule.ts
var netpol_allow_all_rule_default = defineRule({
  id: "netpol-allow-all-rule",
  kind: "diff",
  severity: "critical",
  description: "A NetworkPolicy rule with no peers and no ports (`ingress: [{}]`) appears for pods that were isolated, allowing every source or destination on every port.",
  check(context) {
    for (const w of wideningsOf(context, "allow-all")) {
      const word2 = PEER_WORD[w.direction];
      const was = describeReplaced(w.replaced);
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: ${w.direction} rule ${w.rule.index} has no ${code(word2.field)} and no ${code("ports")}, so it now allows every ${word2.one} (any pod, any namespace, any address outside the cluster) on every port and protocol${was ? ` instead of ${was}` : ""}. ${capitalize(isolationNote(w.direction, w.isolatedBy))}; ${describePods(w.policy)} ${w.direction === "ingress" ? "can now be reached by anything" : "can now reach anything"}.`,
        at: { resource: w.policy.resource, path: w.rule.path, side: "head" },
        key: formatFieldPath(w.rule.path),
        related: replacedPlace(w.replaced, "the base rule it replaced")
      });
    }
  }
});

// src/rules/netpol/netpol-default-deny-removed.ts
var netpol_default_deny_removed_default = defineRule({
  id: "netpol-default-deny-removed",
  kind: "diff",
  severity: "critical",
  description: "A namespace that had a default deny (a policy selecting every pod, isolating a direction, allowing nothing in it) no longer has one: deleted, emptied of isolation, or given an allow-all rule.",
  check(context) {
    for (const loss of defaultDenyLosses(context)) {
      const resource = loss.side === "head" && loss.after ? loss.after.resource : loss.before.resource;
      context.report({
        message: messageOf(loss),
        at: { resource, path: loss.path, side: loss.side },
        key: `${loss.how} ${joinDirections(loss.directions)}`,
        related: loss.side === "head" ? [{ resource: loss.before.resource, path: baseField(loss), side: "base", message: "the default deny in base" }] : []
      });
    }
  }
});
function baseField(loss) {
  if (loss.how === "unisolated") return policyTypesPath(loss.before);
  return loss.how === "narrowed" ? ["spec", "podSelector"] : ["spec"];
}
function messageOf(loss) {
  const { before, after } = loss;
  const namespace = before.resource.namespace;
  const directions = joinDirections(loss.directions);
  const what = `NetworkPolicy ${policyName(before)}, the default deny for ${directions} of namespace ${namespace},`;
  const impact = `pods of ${namespace} that no other policy isolates now accept all ${directions} traffic, and new workloads are open by default`;
  switch (loss.how) {
    case "deleted":
      return `${what} was deleted and no other policy isolates every pod of the namespace for ${directions}: ${impact}.`;
    case "allow-all":
      return `${what} now has ${loss.rule?.direction} rule ${loss.rule?.index} with no peers and no ports, which allows everything: every pod of ${namespace} is open to all ${directions} traffic.`;
    case "unisolated":
      return `${what} no longer isolates ${directions}: its effective policyTypes went from ${describePolicyTypes(before)} to ${after ? describePolicyTypes(after) : "[]"}${after && !after.policyTypesExplicit && before.policyTypesExplicit ? " (policyTypes was removed, and without it Egress is only isolated when spec.egress is non-empty)" : ""}; ${impact}.`;
    case "narrowed":
      return `${what} no longer selects every pod: its podSelector now picks only ${after ? describePods(after) : "some pods"}; ${impact}.`;
  }
}

// src/rules/netpol/netpol-deleted.ts
var netpol_deleted_default = defineRule({
  id: "netpol-deleted",
  kind: "diff",
  severity: "high",
  description: "A NetworkPolicy that exists in base is gone in head, leaving the pods it isolated open.",
  check(context) {
    const { base, head } = context;
    for (const { key, before, after } of changedPolicies(context.changed)) {
      if (!before || after) continue;
      if (claimedByDefaultDeny(context, key)) continue;
      const lost = DIRECTIONS.filter((d) => losesIsolation(base, head, before, d));
      if (lost.length === 0) continue;
      const counts = lost.map((d) => `${before.rules[d].length} ${d} rule${before.rules[d].length === 1 ? "" : "s"}`).join(" and ");
      context.report({
        message: `NetworkPolicy ${policyName(before)} was deleted. It isolated ${describePods(before)} for ${joinDirections(lost)} (allowing only what its ${counts} listed), and no remaining policy isolates all of those pods, so ${lost.map((d) => d === "ingress" ? "any source can now reach them" : "they can now reach any destination").join(" and ")}, including addresses outside the cluster.`,
        at: { resource: before.resource, side: "base" },
        key: "deleted"
      });
    }
  }
});

// src/rules/netpol/netpol-ipblock-widened.ts
var netpol_ipblock_widened_default = defineRule({
  id: "netpol-ipblock-widened",
  kind: "diff",
  severity: "high",
  description: "An ipBlock now admits addresses the base did not (a wider cidr, a removed or narrowed except, a new broader block); critical when an ingress ipBlock becomes 0.0.0.0/0 or ::/0.",
  check(context) {
    for (const w of wideningsOf(context, "ipblock-widened")) {
      const namespace = w.policy.resource.namespace;
      const everything = parseCidr(w.peer.cidr)?.prefix === 0;
      const was = w.replaced?.peer ? ` (base: ${describePeer(w.replaced.peer, namespace)})` : " (a new block)";
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: ${w.direction} ${describePeer(w.peer, namespace)}${was} now admits ${formatCount(w.added.size())} more ${PEER_WORD[w.direction].one} addresses (${describeAddresses(w.added)}). ${capitalize(isolationNote(w.direction, w.isolatedBy))}${everything ? `; ${w.peer.cidr} is the whole address space, including the internet` : ""}.`,
        at: { resource: w.policy.resource, path: blamedField(w), side: "head" },
        severity: everything && w.direction === "ingress" ? "critical" : void 0,
        key: `${w.direction} ${describePeer(w.peer, namespace)}`,
        related: replacedPlace(w.replaced, "the base ipBlock")
      });
    }
  }
});
function blamedField(w) {
  const before = w.replaced?.peer;
  const exceptChanged = before?.type === "ipBlock" && before.cidr === w.peer.cidr && w.peer.except.length > 0;
  return [...w.peer.path, exceptChanged ? "except" : "cidr"];
}

// src/rules/netpol/netpol-isolation-narrowed.ts
var netpol_isolation_narrowed_default = defineRule({
  id: "netpol-isolation-narrowed",
  kind: "diff",
  severity: "medium",
  description: "An isolating NetworkPolicy's own podSelector now selects fewer pods; the pods that fall out lose their isolation.",
  check(context) {
    const { base, head } = context;
    for (const { key, before, after } of changedPolicies(context.changed)) {
      if (!before || !after) continue;
      const relation = compareSelectors(before.podSelector, after.podSelector);
      if (relation !== "subset" && relation !== "incomparable") continue;
      const narrowed = DIRECTIONS.filter((d) => before.isolates[d] && after.isolates[d] && !claimedByDefaultDeny(context, key, d) && losesIsolation(base, head, before, d));
      if (narrowed.length === 0) continue;
      const from = describeSelector(before.podSelector);
      const to = describeSelector(after.podSelector);
      context.report({
        message: `NetworkPolicy ${policyName(after)}: podSelector went from ${from} to ${to}, which ${relation === "subset" ? "selects a subset" : "no longer selects all"} of the pods it isolated for ${joinDirections(narrowed)}. Pods matching ${from} but not ${to} are isolated by no other policy, so their ${joinDirections(narrowed)} traffic is now unrestricted.`,
        at: { resource: after.resource, path: ["spec", "podSelector"], side: "head" },
        key: `narrowed ${to}`,
        related: [{ resource: before.resource, path: ["spec", "podSelector"], side: "base", message: `podSelector in base: ${from}` }]
      });
    }
  }
});

// src/rules/netpol/netpol-mutable-namespace-label.ts
var netpol_mutable_namespace_label_default = defineRule({
  id: "netpol-mutable-namespace-label",
  kind: "diff",
  severity: "low",
  description: `A new namespaceSelector is keyed on a label other than ${NAMESPACE_NAME_LABEL2}, which anyone who can edit a namespace can add to it.`,
  check(context) {
    for (const w of wideningsOf(context, "mutable-namespace-label")) {
      const namespace = w.policy.resource.namespace;
      const labels = w.keys.map((k) => code(k)).join(", ");
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: a new ${w.direction} peer (${describePeer(w.peer, namespace)}) selects namespaces by ${labels}. Namespace labels other than ${NAMESPACE_NAME_LABEL2} can be set by anyone allowed to edit a namespace, so such a user can label their own namespace into this peer; select by ${NAMESPACE_NAME_LABEL2} (immutable) where you mean specific namespaces.`,
        at: { resource: w.policy.resource, path: keyPath(w.policy.resource.object, [...w.peer.path, "namespaceSelector"], w.keys[0]), side: "head" },
        key: `${w.direction} ${describePeer(w.peer, namespace)}`
      });
    }
  }
});
function keyPath(object, selectorPath2, key) {
  const labels = getIn(object, [...selectorPath2, "matchLabels"]);
  if (isObject(labels) && key in labels) return [...selectorPath2, "matchLabels", key];
  const expressions = getIn(object, [...selectorPath2, "matchExpressions"]);
  const index = Array.isArray(expressions) ? expressions.findIndex((e) => isObject(e) && e.key === key) : -1;
  return index >= 0 ? [...selectorPath2, "matchExpressions", index] : selectorPath2;
}

// src/rules/netpol/netpol-peer-and-split.ts
var netpol_peer_and_split_default = defineRule({
  id: "netpol-peer-and-split",
  kind: "diff",
  severity: "high",
  description: "A peer with both namespaceSelector and podSelector (an AND) is split into separate peers (an OR), admitting every pod of those namespaces and those pods of the own namespace.",
  check(context) {
    for (const w of wideningsOf(context, "peer-split")) {
      const namespace = w.policy.resource.namespace;
      const [nsHalf, podHalf] = w.peer.namespaces === "own" ? [w.other, w.peer] : [w.peer, w.other];
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: ${w.direction} rule ${w.rule.index} split the single peer {namespaceSelector + podSelector} (${describeReplaced(w.replaced) ?? "an AND of both"}) into two list items, which Kubernetes ORs: it now admits ${describePeer(nsHalf, namespace)} OR ${describePeer(podHalf, namespace)}. ${capitalize(isolationNote(w.direction, w.isolatedBy))}; put both selectors back in one list item (no ${code("-")} before podSelector).`,
        at: { resource: w.policy.resource, path: w.peer.path, side: "head" },
        key: `${w.direction} ${describeReplaced(w.replaced) ?? describePeer(w.peer, namespace)}`,
        related: replacedPlace(w.replaced, "the base peer with both selectors")
      });
    }
  }
});

// src/rules/netpol/netpol-peers-emptied.ts
var netpol_peers_emptied_default = defineRule({
  id: "netpol-peers-emptied",
  kind: "diff",
  severity: "high",
  description: "A NetworkPolicy rule's `from`/`to` becomes empty or absent for isolated pods, so it admits every source or destination on its ports.",
  check(context) {
    for (const w of wideningsOf(context, "peers-emptied")) {
      const word2 = PEER_WORD[w.direction];
      const path = [...w.rule.path, word2.field];
      const written = getIn(w.policy.resource.object, path) === void 0 ? `has no ${code(word2.field)}` : `has an empty ${code(word2.field)}`;
      const was = describeReplaced(w.replaced);
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: ${w.direction} rule ${w.rule.index} ${written}, so it now admits every ${word2.one} (any pod, any namespace, any address outside the cluster) on ${describePorts(w.rule.ports)}${was ? ` instead of only the listed ${word2.many} (base: ${was})` : ""}. ${capitalize(isolationNote(w.direction, w.isolatedBy))}.`,
        at: { resource: w.policy.resource, path, side: "head" },
        key: formatFieldPath(path),
        related: replacedPlace(w.replaced, "the base rule with listed peers")
      });
    }
  }
});

// src/rules/netpol/netpol-policy-type-dropped.ts
var netpol_policy_type_dropped_default = defineRule({
  id: "netpol-policy-type-dropped",
  kind: "diff",
  severity: "high",
  description: "The effective policyTypes of a NetworkPolicy loses Ingress or Egress (including an explicit [Ingress, Egress] removed while `egress` is empty), leaving its pods open in that direction.",
  check(context) {
    const { base, head } = context;
    for (const { key, before, after } of changedPolicies(context.changed)) {
      if (!before || !after) continue;
      const dropped = DIRECTIONS.filter((d) => before.isolates[d] && !after.isolates[d] && !claimedByDefaultDeny(context, key, d) && losesIsolation(base, head, before, d));
      if (dropped.length === 0) continue;
      const silent = !after.policyTypesExplicit && before.policyTypesExplicit ? " policyTypes was removed, and without it Kubernetes isolates Egress only when spec.egress is non-empty, so the empty egress list no longer denies anything." : "";
      context.report({
        message: `NetworkPolicy ${policyName(after)}: the effective policyTypes went from ${describePolicyTypes(before)} to ${describePolicyTypes(after)}.${silent} No other policy isolates ${describePods(after)} for ${joinDirections(dropped)}, so their ${joinDirections(dropped)} traffic is now unrestricted.`,
        at: { resource: after.resource, path: policyTypesPath(after), side: "head" },
        key: `dropped ${joinDirections(dropped)}`,
        related: [{ resource: before.resource, path: policyTypesPath(before), side: "base", message: `policyTypes in base: ${describePolicyTypes(before)}` }]
      });
    }
  }
});

// src/rules/netpol/netpol-port-range-widened.ts
var netpol_port_range_widened_default = defineRule({
  id: "netpol-port-range-widened",
  kind: "diff",
  severity: "medium",
  description: "A NetworkPolicy rule admits ports its peers were not admitted on before: endPort added or raised, a port turned into a range, a protocol or port added.",
  check(context) {
    for (const w of wideningsOf(context, "port-range-widened")) {
      const namespace = w.policy.resource.namespace;
      const path = w.port.endPort !== void 0 ? [...w.port.path, "endPort"] : w.port.path;
      const was = w.replaced?.port ? ` (base: ${describePort(w.replaced.port)})` : "";
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: ${w.direction} rule ${w.rule.index} now admits ${describePort(w.port)}${was} for ${describePeers(w.rule.peers, w.direction, namespace)}, beyond the ports the base admitted for them. ${capitalize(isolationNote(w.direction, w.isolatedBy))}; the extra ports reach services the policy kept closed.`,
        at: { resource: w.policy.resource, path, side: "head" },
        key: `${formatFieldPath(w.rule.path)} ${describePort(w.port)}`,
        related: replacedPlace(w.replaced, "the base port it widened")
      });
    }
  }
});

// src/rules/netpol/netpol-ports-emptied.ts
var netpol_ports_emptied_default = defineRule({
  id: "netpol-ports-emptied",
  kind: "diff",
  severity: "medium",
  description: "A NetworkPolicy rule's `ports` becomes empty or absent, so peers admitted on some ports are now admitted on every port and protocol.",
  check(context) {
    for (const w of wideningsOf(context, "ports-emptied")) {
      const namespace = w.policy.resource.namespace;
      const path = [...w.rule.path, "ports"];
      const written = getIn(w.policy.resource.object, path) === void 0 ? "has no `ports`" : "has an empty `ports`";
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: ${w.direction} rule ${w.rule.index} ${written}, so it now admits ${w.peers.map((p) => describePeer(p, namespace)).join("; ")} on every port and protocol instead of only ${describePorts(w.before)}. ${capitalize(isolationNote(w.direction, w.isolatedBy))}; ` + (w.direction === "ingress" ? "every other port the pods listen on (admin, debug, metrics) is now reachable from those sources." : "every port and protocol of those destinations is now reachable."),
        at: { resource: w.policy.resource, path, side: "head" },
        key: formatFieldPath(path),
        related: replacedPlace(w.replaced, "the base rule with listed ports")
      });
    }
  }
});

// src/rules/netpol/netpol-selector-broadened.ts
var netpol_selector_broadened_default = defineRule({
  id: "netpol-selector-broadened",
  kind: "diff",
  severity: "high",
  description: "A peer's namespaceSelector or podSelector now selects a superset (a label dropped, an In value added, a NotIn value removed, an expression removed).",
  check(context) {
    for (const w of wideningsOf(context, "selector-broadened")) {
      const namespace = w.policy.resource.namespace;
      const before = w.replaced?.peer;
      if (!before || before.type !== "pods") continue;
      const namespacesGrew = !namespacesWithin(w.peer.namespaces, before.namespaces, scopeOf2(context.base, context.head, namespace));
      const change = namespacesGrew ? `namespaces went from ${describeNamespaces(before.namespaces, namespace)} to ${describeNamespaces(w.peer.namespaces, namespace)}` : `podSelector went from ${describeSelector(before.pods)} to ${describeSelector(w.peer.pods)}`;
      context.report({
        message: `NetworkPolicy ${policyName(w.policy)}: an ${w.direction} peer now selects more: its ${change} (was ${describePeer(before, namespace)}, now ${describePeer(w.peer, namespace)}). ${capitalize(isolationNote(w.direction, w.isolatedBy))}; every newly matched pod is now admitted.`,
        at: { resource: w.policy.resource, path: [...w.peer.path, namespacesGrew ? "namespaceSelector" : "podSelector"], side: "head" },
        key: `${w.direction} ${describePeer(w.peer, namespace)}`,
        related: replacedPlace(w.replaced, "the narrower base peer")
      });
    }
  }
});

// src/rules/netpol/index.ts
var NETPOL_RULES = [
  netpol_all_namespaces_peer_default,
  netpol_allow_all_rule_default,
  netpol_default_deny_removed_default,
  netpol_deleted_default,
  netpol_ipblock_widened_default,
  netpol_isolation_narrowed_default,
  netpol_mutable_namespace_label_default,
  netpol_peer_and_split_default,
  netpol_peers_emptied_default,
  netpol_policy_type_dropped_default,
  netpol_port_range_widened_default,
  netpol_ports_emptied_default,
  netpol_selector_broadened_default
];

// src/rules/nginx/annotations.ts
function nginxPairs({ base, head, changed }) {
  const pairs = [];
  for (const { before, after } of changed) {
    if (!after) continue;
    const baseServed = before !== void 0 && nginxServes(before, base);
    const claim = controllerClaim(after, head);
    if (claim === "other" || claim === void 0 && !baseServed && !nginxServes(after, head)) continue;
    pairs.push({ before: baseServed ? nginxOf(before) : void 0, after: nginxOf(after) });
  }
  return pairs;
}
function subjectOf2(model) {
  return `Ingress ${model.resource.namespace}/${model.resource.name}`;
}
function valueOf(model, name) {
  return model?.annotations.get(name)?.value;
}
function annotationPath(model, name) {
  return model.annotations.get(name)?.path ?? ["metadata", "annotations"];
}
function annotationPlace(pair, name) {
  if (pair.after.annotations.has(name) || !pair.before?.annotations.has(name)) {
    return { resource: pair.after.resource, path: annotationPath(pair.after, name), side: "head" };
  }
  return { resource: pair.before.resource, path: annotationPath(pair.before, name), side: "base" };
}
function baseRelated(pair, name, at, message) {
  if (!pair.before?.annotations.has(name) || at.side === "base") return [];
  return [{ resource: pair.before.resource, path: annotationPath(pair.before, name), side: "base", message }];
}
function reportAnnotation(report, pair, name, input) {
  const at = annotationPlace(pair, name);
  const { baseMessage, ...rest } = input;
  report({ ...rest, at, related: baseRelated(pair, name, at, baseMessage) });
}
function changeWord(pair, was) {
  return was !== void 0 ? "changed" : pair.before ? "added" : "is set";
}
function newValues(pair, list) {
  return list.map((annotation) => ({ annotation, was: valueOf(pair.before, annotation.name) })).filter(({ annotation, was }) => was !== annotation.value);
}
function lostToPassthrough(pair, guard, report, key) {
  if (!pair.after.sideEffects.sslPassthrough) return false;
  if (pair.before?.sideEffects.sslPassthrough) return true;
  reportAnnotation(report, pair, "ssl-passthrough", {
    message: `${subjectOf2(pair.after)}: ssl-passthrough is turned on, and ingress-nginx then ignores every other annotation, so the ${guard} of the base no longer applies.`,
    key: `${key} ssl-passthrough`,
    baseMessage: "ssl-passthrough in base"
  });
  return true;
}

// src/rules/nginx/nginx-allowlist-loosened.ts
function effectiveList(model) {
  if (!model || model.sideEffects.sslPassthrough) return void 0;
  return model.allowList && model.allowList.entries.length > 0 ? model.allowList : void 0;
}
var nginx_allowlist_loosened_default = defineRule({
  id: "nginx-allowlist-loosened",
  kind: "diff",
  severity: "high",
  description: "The ingress-nginx source allow-list (`allowlist-source-range`, or its alias `whitelist-source-range`) is removed or admits addresses the base did not.",
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      const was = effectiveList(pair.before);
      if (!was) continue;
      if (lostToPassthrough(pair, "source allow-list", report, "allowlist")) continue;
      const now = effectiveList(pair.after);
      if (!now) {
        reportAnnotation(report, pair, was.annotation.name, {
          message: `${subjectOf2(pair.after)}: the source allow-list ${was.annotation.name} (${describeAddresses(was.set)}) is removed, so every address that can reach the controller can now reach these routes.`,
          key: "allowlist removed",
          baseMessage: "allow-list in base"
        });
        continue;
      }
      const added = now.set.subtract(was.set);
      if (added.isEmpty()) continue;
      const at = annotationPlace(pair, now.annotation.name);
      report({
        message: `${subjectOf2(pair.after)}: the source allow-list ${now.annotation.name} now admits ${formatCount(added.size())} more address${added.size() === 1n ? "" : "es"} (${describeAddresses(added)}) that the base refused.`,
        at,
        key: "allowlist grown",
        related: [{ resource: pair.before.resource, path: was.annotation.path, side: "base", message: `allow-list in base: ${describeAddresses(was.set)}` }]
      });
    }
  }
});

// src/rules/nginx/nginx-auth-removed.ts
function hasBasicAuth(model) {
  return model.auth.type !== void 0 && model.auth.secret !== void 0;
}
function reportRemoved(pair, name, what, report) {
  reportAnnotation(report, pair, name, { message: `${subjectOf2(pair.after)}: ${name} is removed, so ${what}.`, key: `${name} removed`, baseMessage: `${name} in base` });
}
var nginx_auth_removed_default = defineRule({
  id: "nginx-auth-removed",
  kind: "diff",
  severity: "high",
  description: 'ingress-nginx authentication is removed (`auth-type`, `auth-secret` or `auth-url`), the Ingress opts out of the global auth (`enable-global-auth: "false"`), or `satisfy: any` lets one requirement stand in for all.',
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      const { before, after } = pair;
      const baseAuth = before !== void 0 && (hasBasicAuth(before) || before.auth.url !== void 0);
      if (baseAuth && lostToPassthrough(pair, "authentication", report, "auth")) continue;
      if (before && hasBasicAuth(before) && !hasBasicAuth(after)) {
        const gone = after.auth.type === void 0 ? "auth-type" : "auth-secret";
        reportRemoved(pair, gone, `${before.auth.type ?? "basic"} authentication no longer protects these routes`, report);
      }
      if (before?.auth.url !== void 0 && after.auth.url === void 0) {
        reportRemoved(pair, "auth-url", "the external authentication service no longer checks requests to these routes", report);
      }
      if ((before?.auth.globalAuth ?? true) && !after.auth.globalAuth) {
        reportAnnotation(report, pair, "enable-global-auth", {
          message: `${subjectOf2(after)}: enable-global-auth is ${code("false")}, so the controller's global external authentication (global-auth-url) no longer applies to these routes.`,
          key: "enable-global-auth false",
          baseMessage: "enable-global-auth in base"
        });
      }
      if ((before?.auth.satisfy ?? "all") === "all" && after.auth.satisfy === "any") {
        const guards = [after.allowList && "the source allow-list", (hasBasicAuth(after) || after.auth.url) && "authentication"].filter(Boolean);
        reportAnnotation(report, pair, "satisfy", {
          message: `${subjectOf2(after)}: satisfy is ${code("any")}, so a request that passes any one access check is let in` + (guards.length > 1 ? ` (${guards.join(" or ")} alone is enough).` : "; once a second check is added, either alone is enough."),
          key: "satisfy any",
          baseMessage: "satisfy in base"
        });
      }
    }
  }
});

// src/rules/nginx/nginx-cors-wildcard.ts
function wildcard(model) {
  return model !== void 0 && model.cors.enabled && model.cors.origins === "*";
}
var nginx_cors_wildcard_default = defineRule({
  id: "nginx-cors-wildcard",
  kind: "diff",
  severity: "high",
  description: 'ingress-nginx CORS is enabled for every origin (`enable-cors: "true"` with `cors-allow-origin` absent or `*`).',
  modes: ["pr", "audit"],
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      const { before, after } = pair;
      if (!wildcard(after) || wildcard(before)) continue;
      const blamed2 = before?.cors.enabled ? "cors-allow-origin" : "enable-cors";
      const origin = after.annotations.has("cors-allow-origin") ? `cors-allow-origin is ${code("*")}` : `cors-allow-origin is absent, which means ${code("*")}`;
      reportAnnotation(report, pair, blamed2, {
        message: `${subjectOf2(after)}: CORS is enabled and ${origin}, so scripts on any website can call these routes from a visitor's browser and read the responses${after.cors.credentials ? `; cors-allow-credentials is ${code("true")} (its default)` : ""}.`,
        key: "cors wildcard",
        baseMessage: `${blamed2} in base`
      });
    }
  }
});

// src/rules/nginx/nginx-https-downgraded.ts
var TLS_BACKEND = /* @__PURE__ */ new Set(["HTTPS", "GRPCS"]);
function redirects(model) {
  return model.https.forceSslRedirect || model.https.tls && model.https.sslRedirect;
}
var DEFAULTS = { sslRedirect: true, forceSslRedirect: false, backendProtocol: "HTTP", proxySslVerify: false };
function downgrade(pair, name, was, now, why, report) {
  reportAnnotation(report, pair, name, { message: `${subjectOf2(pair.after)}: ${name} goes from ${code(was)} to ${code(now)}, so ${why}.`, key: name, baseMessage: `${name} in base: ${was}` });
}
var nginx_https_downgraded_default = defineRule({
  id: "nginx-https-downgraded",
  kind: "diff",
  severity: "medium",
  description: 'ingress-nginx stops redirecting HTTP to HTTPS (`ssl-redirect: "false"`, `force-ssl-redirect` off), talks plain HTTP/GRPC to a TLS backend, or stops verifying the backend certificate (`proxy-ssl-verify` off).',
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      const { before, after } = pair;
      const was = before?.https ?? { ...DEFAULTS, tls: after.https.tls };
      if ((before ? redirects(before) : after.https.tls) && !redirects(after)) {
        if (was.sslRedirect && !after.https.sslRedirect && after.https.tls) {
          downgrade(pair, "ssl-redirect", "true", "false", "plain-HTTP requests are served instead of redirected to HTTPS, with credentials and cookies in clear text", report);
        }
        if (was.forceSslRedirect && !after.https.forceSslRedirect) {
          downgrade(pair, "force-ssl-redirect", "true", "false", "plain-HTTP requests are served instead of redirected to HTTPS, with credentials and cookies in clear text", report);
        }
      }
      if (TLS_BACKEND.has(was.backendProtocol) && !TLS_BACKEND.has(after.https.backendProtocol)) {
        downgrade(pair, "backend-protocol", was.backendProtocol, after.https.backendProtocol, "traffic from the controller to the backend crosses the cluster network unencrypted", report);
      }
      if (was.proxySslVerify && !after.https.proxySslVerify) {
        downgrade(pair, "proxy-ssl-verify", "on", "off", "the backend's certificate is no longer verified and anyone on the path can impersonate the backend", report);
      }
    }
  }
});

// src/rules/nginx/nginx-injection-vector.ts
var INJECTION_TELL = /[;{}#"'\r\n]/;
var nginx_injection_vector_default = defineRule({
  id: "nginx-injection-vector",
  kind: "diff",
  severity: "critical",
  description: "An ingress-nginx annotation that has been an nginx configuration injection vector (`auth-url`, `auth-tls-match-cn`, `mirror-target`, `mirror-host`, `permanent-redirect`, `auth-proxy-set-headers`) is added or changed; critical when the value carries `;`, `{`, `}`, `#`, a quote or a newline, info otherwise.",
  modes: ["pr", "audit"],
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      for (const { annotation: vector, was } of newValues(pair, pair.after.injectionVectors)) {
        const found = INJECTION_TELL.exec(vector.value);
        const tell = found?.[0];
        const cve = INJECTION_VECTORS[vector.name];
        reportAnnotation(report, pair, vector.name, {
          message: `${subjectOf2(pair.after)}: ${vector.name} ${changeWord(pair, was)} (${code(vector.value, { focus: found?.index })}). ` + (tell !== void 0 ? `The value contains ${code(tell)}, the shape of an nginx configuration injection (${cve}): it can run code in the controller, which can read every Secret in the cluster.` : `Ingress-nginx copies this value into its configuration (${cve}); it looks plain, check that the controller is patched.`),
          severity: tell !== void 0 ? "critical" : "info",
          key: vector.name,
          baseMessage: `${vector.name} in base: ${code(was ?? "")}`
        });
      }
    }
  }
});

// src/rules/nginx/nginx-mtls-weakened.ts
var STRENGTH = { on: 3, optional: 2, optional_no_ca: 1, off: 0 };
var MEANING = {
  on: "a valid client certificate is required",
  optional: "a client certificate is checked only when the client sends one",
  optional_no_ca: "a client certificate is requested but not verified against the CA",
  off: "no client certificate is requested"
};
var nginx_mtls_weakened_default = defineRule({
  id: "nginx-mtls-weakened",
  kind: "diff",
  severity: "high",
  description: "ingress-nginx client-certificate authentication is weakened: `auth-tls-verify-client` below `on`, `auth-tls-secret` removed, or `auth-tls-verify-depth` raised.",
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      const { before, after } = pair;
      const was = before?.mtls;
      if (!was?.verifyClient || was.verifyClient === "off" || before?.sideEffects.sslPassthrough) continue;
      if (lostToPassthrough(pair, "client-certificate check", report, "mtls")) continue;
      const now = after.mtls;
      if (now.secret === void 0) {
        reportAnnotation(report, pair, "auth-tls-secret", {
          message: `${subjectOf2(after)}: auth-tls-secret is removed, so ingress-nginx no longer asks clients for a certificate (the base required: ${MEANING[was.verifyClient]}).`,
          key: "auth-tls-secret removed",
          baseMessage: "auth-tls-secret in base"
        });
        continue;
      }
      if (now.verifyClient && STRENGTH[now.verifyClient] < STRENGTH[was.verifyClient]) {
        reportAnnotation(report, pair, "auth-tls-verify-client", {
          message: `${subjectOf2(after)}: auth-tls-verify-client goes from ${code(was.verifyClient)} to ${code(now.verifyClient)}: ${MEANING[now.verifyClient]}, so clients without a trusted certificate get through.`,
          key: "auth-tls-verify-client weakened",
          baseMessage: `auth-tls-verify-client in base: ${was.verifyClient}`
        });
      }
      if (now.verifyDepth > was.verifyDepth) {
        reportAnnotation(report, pair, "auth-tls-verify-depth", {
          message: `${subjectOf2(after)}: auth-tls-verify-depth goes from ${code(String(was.verifyDepth))} to ${code(String(now.verifyDepth))}, so certificates issued further down the CA chain (by intermediate CAs) are accepted.`,
          key: "auth-tls-verify-depth raised",
          baseMessage: `auth-tls-verify-depth in base: ${was.verifyDepth}`
        });
      }
    }
  }
});

// src/rules/nginx/nginx-scope-side-effect.ts
function hostsOf2(model) {
  const hosts = [...new Set(ingressOf(model.resource).rules.map((r) => r.host ?? "every host"))];
  return hosts.length === 0 ? "its hosts" : hosts.slice(0, 3).join(", ") + (hosts.length > 3 ? `, … (${hosts.length} hosts)` : "");
}
var canaryBy = (field) => (m) => m !== void 0 && m.sideEffects.canary && m.sideEffects[field] !== void 0;
var EFFECTS = [
  {
    name: "use-regex",
    on: (m) => m?.sideEffects.useRegex ?? false,
    why: (m) => `ingress-nginx switches every path of ${hostsOf2(m)} to regular-expression matching, across all Ingresses of those hosts, so paths owned by other Ingresses may start matching more than they did.`
  },
  {
    name: "ssl-passthrough",
    on: (m) => m?.sideEffects.sslPassthrough ?? false,
    why: () => "TLS is handed to the backend at layer 4 and ingress-nginx ignores every other annotation of this Ingress (allow-lists, authentication, client certificates, redirects)."
  },
  {
    name: "canary-by-header",
    on: canaryBy("canaryByHeader"),
    why: (m) => `any client sending the header ${code(m.sideEffects.canaryByHeader ?? "")} picks the canary backend instead of the main one.`
  },
  {
    name: "canary-by-cookie",
    on: canaryBy("canaryByCookie"),
    why: (m) => `any client sending the cookie ${code(m.sideEffects.canaryByCookie ?? "")} picks the canary backend instead of the main one.`
  }
];
function blamed(pair, effect) {
  if (effect.name.startsWith("canary-") && pair.after.annotations.has(effect.name) && pair.before?.annotations.get(effect.name)?.value === pair.after.annotations.get(effect.name)?.value) {
    return "canary";
  }
  return effect.name;
}
var nginx_scope_side_effect_default = defineRule({
  id: "nginx-scope-side-effect",
  kind: "diff",
  severity: "medium",
  description: "An ingress-nginx annotation with effects beyond its own routes is added: `use-regex` (every path of the host), `ssl-passthrough` (every other annotation ignored), or a canary chosen by header or cookie (the client picks the backend).",
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      for (const effect of EFFECTS) {
        if (!effect.on(pair.after) || effect.on(pair.before)) continue;
        const name = blamed(pair, effect);
        reportAnnotation(report, pair, name, {
          message: `${subjectOf2(pair.after)}: ${effect.name} is turned on: ${effect.why(pair.after)}`,
          key: effect.name,
          baseMessage: `${name} in base`
        });
      }
    }
  }
});

// src/rules/nginx/nginx-snippet-added.ts
var nginx_snippet_added_default = defineRule({
  id: "nginx-snippet-added",
  kind: "diff",
  severity: "critical",
  description: "An ingress-nginx `*-snippet` annotation (raw nginx configuration) is added or changed.",
  modes: ["pr", "audit"],
  check({ base, head, changed, report }) {
    for (const pair of nginxPairs({ base, head, changed })) {
      for (const { annotation: snippet, was } of newValues(pair, pair.after.snippets)) {
        reportAnnotation(report, pair, snippet.name, {
          message: `${subjectOf2(pair.after)}: ${snippet.name} ${changeWord(pair, was)} (${code(snippet.value)}): raw nginx configuration runs inside the controller, which can read every Secret in the cluster (CVE-2021-25742) and can bypass every other guard of the host.`,
          key: snippet.name,
          baseMessage: `${snippet.name} in base: ${code(was ?? "")}`
        });
      }
    }
  }
});

// src/rules/nginx/index.ts
var NGINX_RULES = [
  nginx_allowlist_loosened_default,
  nginx_auth_removed_default,
  nginx_cors_wildcard_default,
  nginx_https_downgraded_default,
  nginx_injection_vector_default,
  nginx_mtls_weakened_default,
  nginx_scope_side_effect_default,
  nginx_snippet_added_default
];

// src/rules/tier/tier-cross-connectivity.ts
var tierCrossConnectivity = defineRule({
  id: "tier-cross-connectivity",
  kind: "diff",
  severity: "critical",
  description: "A connection that head allows and base did not, from a workload of a lower trust tier into a workload of a higher one.",
  check(context) {
    const tiers = context.config?.tiers;
    if (!tiers) return;
    const change = connectivityChange(context);
    if (!change) return;
    const resolver = new TierResolver(tiers, change.head.topology);
    for (const group of change.added) {
      const crossings = group.diffs.flatMap((diff2) => {
        if (diff2.src.type !== "workload" || diff2.dst.type !== "workload") return [];
        const src2 = resolver.ofWorkloadId(diff2.src.name);
        const dst2 = resolver.ofWorkloadId(diff2.dst.name);
        return src2 && dst2 && src2.rank > dst2.rank ? [{ diff: diff2, src: src2, dst: dst2 }] : [];
      });
      if (crossings.length === 0) continue;
      const [{ diff, src, dst }, ...rest] = crossings;
      const more = rest.length > 0 ? `, and ${rest.length} more connection${rest.length > 1 ? "s" : ""} into a higher tier` : "";
      context.report({
        message: `New connection into a higher tier: ${diff.src.name} (${describeTier(src, tiers)}) may now reach ${diff.dst.name} (${describeTier(dst, tiers)}) on ${diff.after.subtract(diff.before).toString()}${more}, because of ${group.cause.what}; traffic from a lower trust tier into a higher one must be explicitly justified.`,
        at: placeOf(group.cause, context),
        key: group.cause.key,
        related: group.cause.related.map((r) => ({ ...placeOf(r, context), message: r.message })),
        details: detailLines(crossings, (c) => `${c.diff.src.name} (${c.src.tier}) => ${c.diff.dst.name} (${c.dst.tier}) : ${c.diff.before.toString()} -> ${c.diff.after.toString()}`)
      });
    }
  }
});

// src/rules/tier/tier-exposure-unguarded.ts
var GUARDS = ["tls", "client-cert", "ip-allowlist"];
var tierExposureUnguarded = defineRule({
  id: "tier-exposure-unguarded",
  kind: "diff",
  severity: "critical",
  modes: ["pr", "audit"],
  description: "A workload of the highest trust tier newly reachable from outside the cluster through an entry point with no TLS, no client-certificate verification and no IP allow-list.",
  check(context) {
    const resolvers = tierResolvers(context.config?.tiers, context.base, context.head);
    if (!resolvers) return;
    const { base, head } = resolvers;
    const before = new Set(unguarded(context.base, base).flatMap(({ row, workloads }) => workloads.map((w) => `${row.key}\0${w}`)));
    for (const { row, workloads } of unguarded(context.head, head)) {
      const fresh = workloads.filter((w) => !before.has(`${row.key}\0${w}`));
      if (fresh.length === 0) continue;
      const { kind, namespace, name } = row.object;
      const others = row.guards.filter((g) => !GUARDS.includes(g.kind)).map((g) => g.kind);
      context.report({
        message: `${fresh.length > 1 ? "Workloads" : "Workload"} ${fresh.join(", ")} (${head.highest} tier) ${fresh.length > 1 ? "are" : "is"} newly reachable from outside the cluster through ${kind} ${namespace}/${name} (${describeEntry(row)}, ${row.controller}) with no TLS, no client-certificate verification and no IP allow-list${others.length > 0 ? ` (only ${others.join(", ")})` : ""}: anyone who can reach the controller talks to it in clear text; add TLS for the host, and client-certificate verification or an allow-list.`,
        at: { resource: row.source.resource, path: row.source.path, side: "head" },
        key: row.key
      });
    }
  }
});
function unguarded(model, resolver) {
  const out = [];
  for (const row of buildExposureMap(model).rows) {
    if (row.guards.some((g) => GUARDS.includes(g.kind))) continue;
    const workloads = resolver.destinationsOf(row).filter((w) => {
      if (w.tier.rank !== 0) return false;
      if (w.service) return true;
      const connectivity = Connectivity.of(model);
      const workload = connectivity.topology.byId.get(w.id);
      if (!workload) return false;
      const allowed = connectivity.allowed({ type: "pods", cls: connectivity.ingressController }, { type: "pods", cls: connectivity.classOf(workload) });
      const ports = w.ports ?? [];
      return ports.length === 0 ? !allowed.isEmpty() : ports.some((p) => typeof p === "number" ? allowed.contains("TCP", p) : !allowed.isEmpty());
    }).map((w) => w.id);
    if (workloads.length > 0) out.push({ row, workloads: [...new Set(workloads)] });
  }
  return out;
}

// src/rules/tier/tier-shared-entrypoint.ts
var GATEWAY_ROUTES = /* @__PURE__ */ new Set(["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"]);
var tierSharedEntrypoint = defineRule({
  id: "tier-shared-entrypoint",
  kind: "diff",
  severity: "high",
  description: "A workload of a higher trust tier newly shares an entry point (an Ingress or route object, a host, a Gateway listener) with a workload of a lower tier.",
  check(context) {
    const resolvers = tierResolvers(context.config?.tiers, context.base, context.head);
    if (!resolvers) return;
    const { base, head } = resolvers;
    const before = new Set(sharingsOf(context.base, base).flatMap(({ group, sharings }) => sharings.map((s) => `${group.id}\0${s.key}`)));
    const baseRows = new Set(buildExposureMap(context.base).rows.map((r) => r.key));
    const reported = /* @__PURE__ */ new Set();
    for (const { group, sharings } of sharingsOf(context.head, head)) {
      const fresh = sharings.filter((s) => !before.has(`${group.id}\0${s.key}`) && !reported.has(s.key));
      if (fresh.length === 0) continue;
      for (const s of fresh) reported.add(s.key);
      const [first, ...rest] = fresh;
      const added = (m) => m.rows.find((r) => !baseRows.has(r.key));
      const lowRow = added(first.low);
      const highRow = lowRow ? void 0 : added(first.high);
      const [blamedRow, other] = highRow ? [highRow, first.low] : [lowRow ?? first.low.rows[0], first.high];
      const more = rest.length > 0 ? `, and ${rest.length} more pair${rest.length > 1 ? "s" : ""} of tiers` : "";
      context.report({
        message: `The entry point ${group.what} now routes both to ${first.high.workload} (${first.high.tier.tier} tier) and to ${first.low.workload} (${first.low.tier.tier} tier)${more}: traffic for a higher-trust workload shares an entry point with lower-trust traffic, so a change made for the lower tier (annotations, guards, hosts) also reaches the higher one; give each tier its own entry point.`,
        at: { resource: blamedRow.source.resource, path: blamedRow.source.path, side: "head" },
        key: group.id,
        related: [{ resource: other.rows[0].source.resource, path: other.rows[0].source.path, side: "head", message: `routes ${group.what} to ${other.workload} (${other.tier.tier} tier)` }],
        details: fresh.map((s) => `${s.high.workload} (${s.high.tier.tier}) + ${s.low.workload} (${s.low.tier.tier}) via ${group.what}`).join("\n")
      });
    }
  }
});
function sharingsOf(model, resolver) {
  return entryGroups(buildExposureMap(model).rows).map((group) => ({ group, sharings: sharingsIn(group, resolver) }));
}
function entryGroups(rows) {
  const objects = /* @__PURE__ */ new Map();
  const hosts = /* @__PURE__ */ new Map();
  const listeners = /* @__PURE__ */ new Map();
  const add = (groups, id, what, row) => {
    let group = groups.get(id);
    if (!group) groups.set(id, group = { id, what, rows: [] });
    group.rows.push(row);
  };
  for (const row of rows) {
    const { kind, namespace, name } = row.object;
    const objectName = `${kind} ${namespace}/${name}`;
    add(objects, `object:${kind}/${namespace}/${name}`, objectName, row);
    const host = row.host.toLowerCase();
    add(hosts, `host:${row.controller}:${host}`, host === "*" ? `every host of ${row.controller}` : `host ${row.host} (${row.controller})`, row);
    if (GATEWAY_ROUTES.has(kind)) add(listeners, `listener:${row.controller}:${row.listener}`, `listener ${row.listener} of ${row.controller}`, row);
  }
  const spansObjects = (group) => new Set(group.rows.map((r) => `${r.object.kind}/${r.object.namespace}/${r.object.name}`)).size > 1;
  return [...objects.values(), ...[...hosts.values(), ...listeners.values()].filter(spansObjects)];
}
function sharingsIn(group, resolver) {
  const members = /* @__PURE__ */ new Map();
  for (const row of group.rows) {
    for (const { id, tier } of resolver.destinationsOf(row)) {
      const member = members.get(id);
      if (!member) members.set(id, { workload: id, tier, rows: [row] });
      else if (!member.rows.includes(row)) member.rows.push(row);
    }
  }
  const out = [];
  for (const high of members.values()) {
    for (const low of members.values()) {
      if (high.tier.rank < low.tier.rank) out.push({ key: `${high.workload}@${high.tier.tier}>${low.workload}@${low.tier.tier}`, high, low });
    }
  }
  return out.sort((a, b) => a.high.tier.rank - b.high.tier.rank || b.low.tier.rank - a.low.tier.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

// src/rules/tier/tier-unassigned.ts
var tierUnassigned = defineRule({
  id: "tier-unassigned",
  kind: "state",
  severity: "low",
  description: "With trust tiers configured and no default tier, a workload that neither its pod label, its namespace label nor tiers.namespaces assigns to a tier (or a routed Service without workloads whose namespace has none).",
  check({ model, side, config, report }) {
    const tiers = config?.tiers;
    const resolver = tierResolver(tiers, model);
    if (!tiers || !resolver || tiers.default !== void 0) return;
    for (const workload of resolver.topology.workloads) {
      if (resolver.ofWorkload(workload)) continue;
      const ignored = resolver.ignoredLabels(workload).map((l) => `; its ${l.source} ${tiers.label}=${l.value} names no tier of tiers.order`).join("");
      report({
        message: `Workload ${workload.id} belongs to no trust tier${ignored}: add the label ${tiers.label} (one of ${tiers.order.join(", ")}) to its pods or its namespace, or map namespace ${workload.namespace} in tiers.namespaces; the tier rules cannot judge traffic to or from it.`,
        at: { resource: workload.resources[0], path: workload.labelsPath, side },
        key: workload.id
      });
    }
    const reported = /* @__PURE__ */ new Set();
    for (const row of buildExposureMap(model).rows) {
      for (const backend of row.backends) {
        const id = `${backend.namespace}/${backend.service}[Service]`;
        if (backend.blocked || backend.resource || backend.workloads.length > 0 || reported.has(id) || resolver.ofNamespace(backend.namespace)) continue;
        reported.add(id);
        report({
          message: `Backend ${id}, routed by ${row.object.kind} ${row.object.namespace}/${row.object.name} and without workloads in the files, belongs to no trust tier: add the label ${tiers.label} (one of ${tiers.order.join(", ")}) to namespace ${backend.namespace}, or map it in tiers.namespaces; the tier rules cannot judge the routes to it.`,
          at: { resource: row.source.resource, path: row.source.path, side },
          key: id
        });
      }
    }
  }
});

// src/rules/tier/index.ts
var TIER_RULES = [tierCrossConnectivity, tierExposureUnguarded, tierSharedEntrypoint, tierUnassigned];

// src/rules/traefik/match.ts
var EVERYTHING_REGEXP = /^\^?(\{[A-Za-z0-9_]+:)?\.[*+]\}?\$?$/;
function isTrivial(literal) {
  if (literal.negated) return false;
  const [arg] = literal.args;
  switch (literal.name) {
    case "Host":
      return arg === "*";
    case "PathPrefix":
      return arg === "/" || arg === "";
    case "HostRegexp":
    case "PathRegexp":
      return EVERYTHING_REGEXP.test(arg);
    default:
      return false;
  }
}
function sameLiteral(a, b) {
  if (a.name !== b.name || a.negated !== b.negated || a.args.length !== b.args.length) return false;
  const fold = a.name === "Host" || a.name === "Method";
  return a.args.every((x, i) => fold ? x.toLowerCase() === b.args[i].toLowerCase() : x === b.args[i]);
}
function literalImplies(inner, outer) {
  if (isTrivial(outer)) return true;
  if (sameLiteral(inner, outer)) return true;
  if (inner.negated !== outer.negated) return false;
  if (inner.negated) return literalImplies({ ...outer, negated: false }, { ...inner, negated: false });
  const [i] = inner.args;
  const [o] = outer.args;
  if (outer.name === "Host" && inner.name === "Host") return hostCovers(o, i);
  if (outer.name === "PathPrefix" && (inner.name === "PathPrefix" || inner.name === "Path")) return i.startsWith(o);
  if (outer.name === "ClientIP" && inner.name === "ClientIP") {
    const a = IpSet.fromCidr(i);
    return !a.isEmpty() && a.isSubsetOf(IpSet.fromCidr(o));
  }
  return false;
}
function conjunctCovers(outer, inner) {
  return outer.every((o) => inner.some((i) => literalImplies(i, o)) || isTrivial(o));
}
function conjunctBroader(head, base) {
  return conjunctCovers(head, base) && !conjunctCovers(base, head);
}
var HOST = /* @__PURE__ */ new Set(["Host", "HostRegexp"]);
var PATH = /* @__PURE__ */ new Set(["Path", "PathPrefix", "PathRegexp"]);
function broadeningReasons2(head, base) {
  const reasons = [];
  for (const b of base) {
    if (head.some((h) => literalImplies(h, b))) continue;
    const family = HOST.has(b.name) ? HOST : PATH.has(b.name) ? PATH : void 0;
    const replacement = family ? head.find((h) => family.has(h.name) && !h.negated && literalImplies(b, h)) : void 0;
    const narrowedExclusion = b.negated ? head.find((h) => h.negated && literalImplies(b, h)) : void 0;
    if (narrowedExclusion) reasons.push(`the exclusion ${code(formatLiteral(b))} was narrowed to ${code(formatLiteral(narrowedExclusion))}`);
    else if (b.negated) reasons.push(`the exclusion ${code(formatLiteral(b))} was dropped`);
    else if (replacement && isTrivial(replacement)) reasons.push(`${code(formatLiteral(b))} became ${code(formatLiteral(replacement))}, which matches everything`);
    else if (replacement && family === HOST) reasons.push(`${code(formatLiteral(b))} was widened to ${code(formatLiteral(replacement))}`);
    else if (replacement) reasons.push(`${code(formatLiteral(b))} was shortened to ${code(formatLiteral(replacement))}`);
    else if (family === HOST && !head.some((h) => HOST.has(h.name) && !h.negated)) reasons.push(`the Host matcher ${code(formatLiteral(b))} was removed, so every host matches`);
    else reasons.push(`${code(formatLiteral(b))} is no longer required`);
  }
  return reasons;
}
var UNDECIDABLE = /* @__PURE__ */ new Set(["HostRegexp", "PathRegexp", "HeaderRegexp", "QueryRegexp", "HostSNIRegexp"]);
function decidable(...conjuncts) {
  return conjuncts.every((c) => c.every((l) => !UNDECIDABLE.has(l.name) || isTrivial(l)));
}

// src/rules/traefik/routers.ts
var cache5 = /* @__PURE__ */ new WeakMap();
function routersOf(model) {
  let routers = cache5.get(model);
  if (!routers) {
    routers = model.resources.flatMap((r) => isIngressRoute(r) ? ingressRouteRouters(r) : isTraefikIngress(r) ? ingressRouters(r) : []);
    cache5.set(model, routers);
  }
  return routers;
}
function ingressRouteRouters(resource) {
  const model = ingressRouteOf(resource);
  const tls = model.tls ? { path: model.tls.fieldPath, options: model.tls.options } : void 0;
  return model.routes.flatMap((route) => {
    if (!route.conjuncts) return [];
    return [{
      resource,
      index: route.index,
      subject: `IngressRoute ${resource.namespace}/${resource.name}`,
      conjuncts: route.conjuncts,
      middlewares: route.middlewares,
      backends: route.services.map((s) => `${s.namespace}/${s.name}:${String(s.port ?? "")}`).sort(),
      matchPath: route.matchPath,
      middlewaresPath: route.middlewares.length > 0 ? [...route.fieldPath, "middlewares"] : route.matchPath,
      priority: route.priority ?? route.match.length,
      entryPoints: model.entryPoints,
      tls
    }];
  });
}
function isTraefikIngress(resource) {
  return isIngress(resource) && (hasTraefikAnnotations(resource) || /traefik/i.test(ingressOf(resource).className ?? ""));
}
function ingressRouters(resource) {
  const traefik = traefikIngressOf(resource);
  const ingress = ingressOf(resource);
  const paths = ingress.rules.flatMap((rule) => rule.paths);
  return paths.map((path, index) => {
    const conjunct = [];
    if (path.host !== void 0) conjunct.push({ name: "Host", args: [path.host], negated: false });
    if (path.pathType === "Exact") conjunct.push({ name: "Path", args: [path.path], negated: false });
    else if (path.path !== "/") conjunct.push({ name: "PathPrefix", args: [path.path], negated: false });
    return {
      resource,
      index,
      subject: `Ingress ${resource.namespace}/${resource.name}`,
      conjuncts: [conjunct],
      middlewares: traefik.middlewares,
      backends: [`${resource.namespace}/${describeBackend(path.backend)}`],
      matchPath: path.fieldPath,
      middlewaresPath: traefik.middlewares[0]?.fieldPath ?? path.fieldPath,
      priority: formatConjunct(conjunct).length,
      entryPoints: traefik.entryPoints,
      tls: traefik.tls ? { path: traefik.tlsPath, options: traefik.tlsOptions } : void 0
    };
  });
}
function touchesTraefik(changed) {
  return changed.some(({ before, after }) => [before, after].some((r) => r && (isIngressRoute(r) || isMiddleware(r) || isTlsOption(r) || isTraefikIngress(r))));
}
function entryPointsOverlap(a, b) {
  return a === void 0 || b === void 0 || a.some((e) => b.includes(e));
}
function* servedRequests({ base, head }) {
  const headRouters = routersOf(head);
  const byKey2 = /* @__PURE__ */ new Map();
  for (const router of headRouters) {
    for (const conjunct of router.conjuncts) {
      const key = conjunctKey(conjunct);
      byKey2.set(key, [...byKey2.get(key) ?? [], { router, conjunct }]);
    }
  }
  for (const router of routersOf(base)) {
    for (const baseConjunct of router.conjuncts) {
      const reachable = (r) => entryPointsOverlap(r.entryPoints, router.entryPoints);
      const same = (byKey2.get(conjunctKey(baseConjunct)) ?? []).filter((s) => reachable(s.router));
      if (same.length > 0) {
        for (const s of same) yield { base: router, baseConjunct, head: s.router, headConjunct: s.conjunct, relation: "same" };
        continue;
      }
      const all = headRouters.filter(reachable).flatMap((r) => r.conjuncts.map((conjunct) => ({ router: r, conjunct })));
      const covering = all.filter((s) => conjunctCovers(s.conjunct, baseConjunct));
      const top = Math.max(...covering.map((s) => s.router.priority));
      for (const s of covering.filter((c) => c.router.priority === top)) {
        yield { base: router, baseConjunct, head: s.router, headConjunct: s.conjunct, relation: "covering" };
      }
      for (const s of all.filter((c) => conjunctCovers(baseConjunct, c.conjunct))) {
        yield { base: router, baseConjunct, head: s.router, headConjunct: s.conjunct, relation: "narrower" };
      }
    }
  }
}
function describeRouter(router, conjunct) {
  return `${router.subject} (${code(formatConjunct(conjunct))})`;
}
function categoryOf(guard) {
  return guard.kind === "ipAllowList" ? "allow-list" : "authentication";
}
var guardCache = /* @__PURE__ */ new WeakMap();
function routerGuards(model, router) {
  let guards = guardCache.get(router);
  if (!guards) {
    guards = guardsOf(model, router.middlewares);
    guardCache.set(router, guards);
  }
  return guards;
}
function headGuards(router, head, base) {
  const unresolved = router.middlewares.filter((ref) => !resolveMiddleware(head, ref));
  return [...routerGuards(head, router), ...guardsOf(base, unresolved)];
}
var byKeyCache = /* @__PURE__ */ new WeakMap();
function routersAt(model, conjunct) {
  let index = byKeyCache.get(model);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const router of routersOf(model)) {
      for (const c of router.conjuncts) {
        const key = conjunctKey(c);
        index.set(key, [...index.get(key) ?? [], router]);
      }
    }
    byKeyCache.set(model, index);
  }
  return index.get(conjunctKey(conjunct)) ?? [];
}
function mayPreexist({ relation, base, head }) {
  return relation !== "covering" || base.backends.join() !== head.backends.join();
}
function baseServedUnguarded(base, served, category) {
  return mayPreexist(served) && routersAt(base, served.headConjunct).some((r) => !routerGuards(base, r).some((g) => categoryOf(g) === category));
}
function blameGuard(guard, router, head) {
  const first = guard.via[0];
  if (!router.middlewares.some((ref) => ref.text === first.text)) return { resource: router.resource, path: router.middlewaresPath, side: "head" };
  const start = resolveMiddleware(head, first);
  if (!start) return { resource: router.resource, path: router.middlewaresPath, side: "head" };
  let current = start;
  for (const ref of guard.via.slice(1)) {
    const members = current.chain?.middlewares ?? [];
    const next = members.some((m) => m.text === ref.text) ? resolveMiddleware(head, ref) : void 0;
    if (!next) {
      const path = current.chain ? [...current.chain.fieldPath, "middlewares"] : ["spec"];
      return { resource: current.resource, path, side: "head" };
    }
    current = next;
  }
  return { resource: current.resource, path: ["spec"], side: "head" };
}

// src/rules/traefik/traefik-allowlist-loosened.ts
var TRUST_RISK = "so the allow-list now reads the client address from the X-Forwarded-For header, which any client can set to an allowed address";
function describeAdded(added) {
  const size = added.size();
  return `${describeAddresses(added)} (${size.toLocaleString("en-US")} address${size === 1n ? "" : "es"})`;
}
var allowListsOf = (guards) => guards.filter((g) => g.kind === "ipAllowList");
function admitted3(guards) {
  return guards.map((g) => g.middleware.ipAllowList.sourceRange).reduce((acc, set) => acc.intersect(set));
}
var traefik_allowlist_loosened_default = defineRule({
  id: "traefik-allowlist-loosened",
  kind: "diff",
  severity: "high",
  description: "A Traefik ipAllowList/ipWhiteList admits addresses it did not (address sets compared, not text), or its ipStrategy starts trusting X-Forwarded-For.",
  check({ base, head, changed, report }) {
    if (!touchesTraefik(changed)) return;
    const emit = reportOnce(report);
    for (const { before, after } of changed) {
      if (!before || !after || !isMiddleware(after)) continue;
      const was = middlewareOf(before).ipAllowList;
      const now = middlewareOf(after).ipAllowList;
      if (!was || !now) continue;
      const subject = describeIdentity(after);
      const added = now.sourceRange.subtract(was.sourceRange);
      if (!added.isEmpty()) {
        const culprit = now.ranges.find((r) => !r.set.isSubsetOf(was.sourceRange)) ?? now.ranges[0];
        emit({
          message: `${subject}: ${now.field}.sourceRange now admits ${describeAdded(added)} that the base did not, so clients from those addresses reach every router using it.`,
          at: { resource: after, path: culprit?.fieldPath ?? now.sourceRangePath, side: "head" },
          key: "sourceRange",
          related: [{ resource: before, path: was.sourceRangePath, side: "base", message: `was ${was.ranges.map((r) => r.text).join(", ") || "empty"}` }]
        });
      }
      if (now.trustsForwardedFor && !was.trustsForwardedFor) emit(trustFinding(`${subject}:`, now, { resource: after, side: "head" }, { resource: before, path: was.fieldPath, side: "base" }));
    }
    for (const served of servedRequests({ base, head })) {
      const was = allowListsOf(routerGuards(base, served.base));
      const now = allowListsOf(headGuards(served.head, head, base));
      if (was.length === 0 || now.length === 0) continue;
      const keys2 = (guards) => guards.map((g) => g.middleware.resource.key).sort().join(",");
      if (keys2(was) === keys2(now)) continue;
      if (mayPreexist(served) && routersAt(base, served.headConjunct).some((r) => keys2(allowListsOf(routerGuards(base, r))) === keys2(now))) continue;
      const at = blameGuard(was[0], served.head, head);
      const route = code(formatConjunct(served.headConjunct));
      const related = [{ resource: served.base.resource, path: was[0].via[0].fieldPath, side: "base", message: `${describeIdentity(was[0].middleware.resource)} applied in base` }];
      const added = admitted3(now).subtract(admitted3(was));
      const names = now.map((g) => describeIdentity(g.middleware.resource)).join(" and ");
      if (!added.isEmpty()) {
        emit({
          message: `${served.head.subject}: the router for ${route} now applies the allow-list ${names}, which admits ${describeAdded(added)} that the base allow-list did not.`,
          at,
          key: `${conjunctKey(served.headConjunct)} sourceRange`,
          related
        });
      }
      const trusting = now.find((g) => g.middleware.ipAllowList.trustsForwardedFor);
      if (trusting && !was.some((g) => g.middleware.ipAllowList.trustsForwardedFor)) {
        emit({ ...trustFinding(`${served.head.subject}: the router for ${route} now applies ${describeIdentity(trusting.middleware.resource)}, whose`, trusting.middleware.ipAllowList, at, related[0]), key: `${conjunctKey(served.headConjunct)} ipStrategy` });
      }
    }
  }
});
function trustFinding(subject, now, at, related) {
  const field = formatFieldPath(now.strategyPath.slice(1));
  return {
    message: `${subject} ${field} makes the ${now.field} trust forwarded headers, ${TRUST_RISK}.`,
    at: at.path ? at : { ...at, path: now.strategyPath },
    key: "ipStrategy",
    related: [{ ...related, message: "no forwarded-header trust in base" }]
  };
}

// src/rules/traefik/traefik-guard-middleware-removed.ts
var WHAT = {
  "allow-list": "an IP allow-list",
  authentication: "authentication"
};
var NAMED = 3;
function describeGuard2(guard) {
  const chain = guard.via.length > 1 ? ` (through ${guard.via.slice(0, -1).map((r) => r.text).join(" → ")})` : "";
  return `the ${guard.kind} ${describeIdentity(guard.middleware.resource)}${chain}`;
}
function relatedOf({ served, guard }) {
  return [{ resource: served.base.resource, path: guard.via[0].fieldPath, side: "base", message: `${guard.kind} ${describeIdentity(guard.middleware.resource)} applied in base` }];
}
var traefik_guard_middleware_removed_default = defineRule({
  id: "traefik-guard-middleware-removed",
  kind: "diff",
  severity: "high",
  description: "A Traefik router no longer applies an ipAllowList/ipWhiteList, basicAuth, digestAuth or forwardAuth middleware (directly or through a chain) that guarded the same requests in the base.",
  check({ base, head, changed, report }) {
    if (!touchesTraefik(changed)) return;
    const emit = reportOnce(report);
    const viaMiddleware = /* @__PURE__ */ new Map();
    for (const served of servedRequests({ base, head })) {
      const baseGuards = routerGuards(base, served.base);
      if (baseGuards.length === 0) continue;
      const now = new Set(headGuards(served.head, head, base).map(categoryOf));
      for (const guard of baseGuards) {
        const category = categoryOf(guard);
        if (now.has(category) || baseServedUnguarded(base, served, category)) continue;
        const loss = { served, guard, category, at: blameGuard(guard, served.head, head) };
        if (loss.at.resource === served.head.resource) {
          emit({
            message: `${served.head.subject}: the router for ${code(formatConjunct(served.headConjunct))} no longer applies ${WHAT[category]}: the base guarded these requests with ${describeGuard2(guard)}, so they now reach the backend without it.`,
            at: loss.at,
            key: `${conjunctKey(served.headConjunct)} ${category}`,
            related: relatedOf(loss)
          });
          continue;
        }
        const group = `${loss.at.resource.key} ${formatFieldPath(loss.at.path ?? [])} ${category}`;
        viaMiddleware.set(group, [...viaMiddleware.get(group) ?? [], loss]);
      }
    }
    for (const losses of viaMiddleware.values()) {
      const [first] = losses;
      const routers = [...new Map(losses.map((l) => [`${l.served.head.resource.key} ${conjunctKey(l.served.headConjunct)}`, describeRouter(l.served.head, l.served.headConjunct)])).values()];
      const named = routers.slice(0, NAMED).join(", ") + (routers.length > NAMED ? ` and ${routers.length - NAMED} more` : "");
      emit({
        message: `${describeIdentity(first.at.resource)}: this change stops ${WHAT[first.category]} from applying to ${routers.length === 1 ? "the router" : `${routers.length} routers`} it guarded in base with ${describeGuard2(first.guard)}: ${named}. Their requests now reach the backend without it.`,
        at: first.at,
        key: `${first.category} ${first.guard.middleware.resource.key}`,
        related: relatedOf(first)
      });
    }
  }
});

// src/rules/traefik/traefik-match-broadened.ts
function pairRoutes(before, after) {
  const pairs = /* @__PURE__ */ new Map();
  const free = new Set(before);
  const keys2 = (r) => r.conjuncts.map(conjunctKey).sort().join(" || ");
  const overlaps2 = (a, b) => a.conjuncts.some((x) => b.conjuncts.some((y) => conjunctCovers(x, y) || conjunctCovers(y, x)));
  const tests = [
    (a, b) => keys2(a) === keys2(b),
    (a, b) => a.backends.join() === b.backends.join(),
    overlaps2,
    () => before.length === 1 && after.length === 1
  ];
  for (const test of tests) {
    for (const route of after) {
      if (pairs.has(route)) continue;
      const match = [...free].find((b) => test(route, b));
      if (match) {
        pairs.set(route, match);
        free.delete(match);
      }
    }
  }
  return pairs;
}
function isAddedBranch(conjunct, route, paired) {
  const key = conjunctKey(conjunct);
  return route.conjuncts.length > paired.conjuncts.length && !paired.conjuncts.some((c) => conjunctKey(c) === key) && decidable(conjunct, ...paired.conjuncts);
}
var traefik_match_broadened_default = defineRule({
  id: "traefik-match-broadened",
  kind: "diff",
  severity: "high",
  description: "An IngressRoute rule admits requests it did not: a Host matcher removed or wildcarded, a shorter PathPrefix, a condition dropped, or an `||` branch added.",
  check({ base, head, changed, report }) {
    if (!touchesTraefik(changed)) return;
    const baseConjuncts = routersOf(base).flatMap((router) => router.conjuncts.map((conjunct) => ({ router, conjunct })));
    for (const { before, after } of changed) {
      if (!after || !isIngressRoute(after)) continue;
      const headRoutes = routersOf(head).filter((r) => r.resource === after);
      const pairs = before ? pairRoutes(routersOf(base).filter((r) => r.resource === before), headRoutes) : /* @__PURE__ */ new Map();
      for (const route of headRoutes) {
        for (const conjunct of route.conjuncts) {
          if (baseConjuncts.some((b) => b.router.backends.join() === route.backends.join() && conjunctCovers(b.conjunct, conjunct))) continue;
          const paired = pairs.get(route);
          const narrower = baseConjuncts.filter((b) => conjunctBroader(conjunct, b.conjunct));
          const replaced2 = narrower.find((b) => b.router === paired) ?? narrower.find((b) => b.router.resource === before) ?? narrower[0];
          if (replaced2) reportBroadened(route, conjunct, replaced2.router, replaced2.conjunct);
          else if (paired && isAddedBranch(conjunct, route, paired)) reportBranch(route, conjunct, paired);
        }
      }
    }
    function reportBroadened(route, conjunct, was, wasConjunct) {
      report({
        message: `${route.subject}: the rule now matches ${code(formatConjunct(conjunct))}, which admits every request of the base's ${code(formatConjunct(wasConjunct))} and more (${broadeningReasons2(conjunct, wasConjunct).join("; ")}): requests the base did not route now reach ${route.backends.join(", ")}.`,
        at: { resource: route.resource, path: route.matchPath, side: "head" },
        key: `${conjunctKey(conjunct)} from ${conjunctKey(wasConjunct)}`,
        related: [{ resource: was.resource, path: was.matchPath, side: "base", message: `was ${code(formatConjunct(wasConjunct))}` }]
      });
    }
    function reportBranch(route, conjunct, was) {
      report({
        message: `${route.subject}: the rule gained the alternative ${code(formatConjunct(conjunct))} (an added ${code("||")} branch), so requests the base did not route now reach ${route.backends.join(", ")}.`,
        at: { resource: route.resource, path: route.matchPath, side: "head" },
        key: `${conjunctKey(conjunct)} branch`,
        related: [{ resource: was.resource, path: was.matchPath, side: "base", message: `was ${code(was.conjuncts.map(formatConjunct).join(" || "))}` }]
      });
    }
  }
});

// src/rules/traefik/traefik-tls-weakened.ts
var ENFORCING = clientAuthRank("RequireAnyClientCert");
var CONSEQUENCE2 = {
  NoClientCert: "clients no longer present a certificate at all",
  RequestClientCert: "a client certificate is requested but neither required nor verified",
  RequireAnyClientCert: "any client certificate is accepted without checking it against the CA",
  VerifyClientCertIfGiven: "clients without a certificate are accepted",
  RequireAndVerifyClientCert: ""
};
function weakened(was, now) {
  return clientAuthRank(was) >= ENFORCING && clientAuthRank(now) < clientAuthRank(was);
}
function level(model, ref) {
  const option = tlsOptionFor(model, ref);
  return { type: option?.clientAuthType ?? "NoClientCert", option: option?.resource.key };
}
var traefik_tls_weakened_default = defineRule({
  id: "traefik-tls-weakened",
  kind: "diff",
  severity: "high",
  description: "A Traefik router loses TLS, loses a TLSOption reference stricter than `default`, or a TLSOption lowers clientAuthType below its level (RequireAndVerifyClientCert and the levels that enforce a certificate).",
  check({ base, head, changed, report }) {
    if (!touchesTraefik(changed)) return;
    const emit = reportOnce(report);
    for (const { before, after } of changed) {
      if (before && after && isTlsOption(after)) {
        const was = tlsOptionOf(before);
        const now = tlsOptionOf(after);
        if (!weakened(was.clientAuthType, now.clientAuthType)) continue;
        emit({
          message: `${describeIdentity(after)}: clientAuth.clientAuthType lowered from ${was.clientAuthType} to ${now.clientAuthType}: ${CONSEQUENCE2[now.clientAuthType]} on every router using this TLSOption.`,
          at: { resource: after, path: now.clientAuthPath, side: "head" },
          key: "clientAuthType",
          related: [{ resource: before, path: was.clientAuthPath, side: "base", message: `was ${was.clientAuthType}` }]
        });
      } else if (before && !after && isTlsOption(before) && before.name === "default") {
        const was = tlsOptionOf(before).clientAuthType;
        const now = defaultTlsOption(head)?.clientAuthType ?? "NoClientCert";
        if (!weakened(was, now)) continue;
        emit({
          message: `${describeIdentity(before)} was deleted: routers that name no TLSOption fall back from ${was} to ${now}, so ${CONSEQUENCE2[now]}.`,
          at: { resource: before, path: tlsOptionOf(before).clientAuthPath, side: "base" },
          key: "default deleted"
        });
      }
    }
    for (const served of servedRequests({ base, head })) {
      const { base: was, baseConjunct, head: now, headConjunct } = served;
      if (!was.tls) continue;
      const route = code(formatConjunct(headConjunct));
      const sameObject = was.resource.key === now.resource.key;
      if (!now.tls) {
        if (mayPreexist(served) && routersAt(base, headConjunct).some((r) => !r.tls)) continue;
        const headRoute = { resource: now.resource, path: now.matchPath, side: "head" };
        const baseTls = { resource: was.resource, path: was.tls.path, side: "base" };
        emit({
          message: `${now.subject}: the router for ${route} no longer has TLS (the base served ${code(formatConjunct(baseConjunct))} over TLS): requests, credentials and cookies travel in clear text and can be read or altered on the way.`,
          at: sameObject ? baseTls : headRoute,
          key: `${conjunctKey(headConjunct)} tls`,
          related: [sameObject ? { ...headRoute, message: "the router in head" } : { ...baseTls, message: "TLS in base" }]
        });
        continue;
      }
      const before = level(base, was.tls.options);
      const after = level(head, now.tls.options);
      const sameOption = before.option === after.option || !was.tls.options && !now.tls.options;
      if (!weakened(before.type, after.type) || sameOption) continue;
      const removed = !now.tls.options;
      const baseRef = { resource: was.resource, path: was.tls.options?.fieldPath ?? was.tls.path, side: "base" };
      const headRef = { resource: now.resource, path: now.tls.options?.fieldPath ?? now.tls.path, side: "head" };
      const named = (ref) => ref ? `TLSOption ${ref.namespace}/${ref.name}` : "the default TLSOption";
      emit({
        message: `${now.subject}: the router for ${route} ${removed ? `no longer names ${named(was.tls.options)}` : `now uses ${named(now.tls.options)} instead of ${named(was.tls.options)}`}, so its client-certificate check drops from ${before.type} to ${after.type}: ${CONSEQUENCE2[after.type]}.`,
        at: removed && sameObject ? baseRef : headRef,
        key: `${conjunctKey(headConjunct)} tls options`,
        related: [removed && sameObject ? { ...headRef, message: "the router TLS in head" } : { ...baseRef, message: `${before.type} in base` }]
      });
    }
  }
});

// src/rules/traefik/index.ts
var TRAEFIK_RULES = [
  traefik_allowlist_loosened_default,
  traefik_guard_middleware_removed_default,
  traefik_match_broadened_default,
  traefik_tls_weakened_default
];

// src/rules/index.ts
var RULES = [
  ...MANIFEST_RULES,
  ...NETPOL_RULES,
  ...ADMIN_RULES,
  ...CILIUM_RULES,
  ...INGRESS_RULES,
  ...CONNECTIVITY_RULES,
  ...AUDIT_RULES,
  ...NGINX_RULES,
  ...TIER_RULES,
  ...TRAEFIK_RULES,
  ...GATEWAY_RULES
].sort((a, b) => a.id.localeCompare(b.id));
function rulesFor(mode) {
  return RULES.filter((rule) => (rule.modes ?? ["pr"]).includes(mode));
}

// src/analyze.ts
function analyze(base, head, config = defaultConfig(), rules = rulesFor("pr"), options = {}) {
  const { baseModel, headModel } = loadSides(base, head, config, options);
  return analyzeModels(baseModel, headModel, config, rules, options);
}
function loadSides(base, head, config, options) {
  const cache6 = new ParseCache();
  const loadOptions = { maxFileBytes: config.maxFileBytes };
  const rendered = comparable(options.rendered);
  const headModel = loadSnapshot(head, loadOptions, cache6, rendered.head, { rendered: rendered.base });
  const baseModel = loadSnapshot(base, loadOptions, cache6, rendered.base, { rendered: rendered.head, model: headModel });
  return { baseModel, headModel };
}
function comparable(rendered) {
  const failed = new Set([...rendered?.base?.failures ?? [], ...rendered?.head?.failures ?? []].map((f) => f.target.path));
  if (failed.size === 0) return rendered ?? {};
  const skip = (side) => side && { ...side, skip: failed };
  return { base: skip(rendered?.base), head: skip(rendered?.head) };
}
function analyzeModels(base, head, config = defaultConfig(), rules = rulesFor("pr"), options = {}) {
  const mode = options.mode ?? "pr";
  const notes = /* @__PURE__ */ new Set();
  const changed = changedPairs(base, head);
  const unique = distinct(environmentViews(base, head).flatMap((view) => ruleFindings(view.base, view.head, view.base === base && view.head === head ? changed : changedPairs(view.base, view.head), config, rules, options, notes)));
  const added = mode === "pr" ? addedSuppressionsNote(base, head) : void 0;
  if (added) notes.add(added);
  const proposals = proposalNote(unique, config.suppressions?.approvers ?? [], options.approval);
  if (proposals) notes.add(proposals);
  unique.sort(compareFindings);
  const { findings: kept, note: foldNote } = foldFloods(unique);
  if (foldNote) notes.add(foldNote);
  linkSameCause(kept);
  const reported = mergeEnvironments(kept);
  const summary = summarize(reported, base, head);
  if (notes.size > 0) summary.notes = [...notes];
  const warnings = silentSides(options.trees).map((s) => s.message);
  if (warnings.length > 0) summary.warnings = warnings;
  const exposure = changed.some((pair) => [pair.before, pair.after].some((r) => r !== void 0 && readByExposureMap(r))) ? exposureChange(base, head) : void 0;
  if (exposure) summary.exposure = exposure;
  const render = renderSummary(base, head);
  if (render) {
    summary.render = render;
    (summary.notes ??= []).push(`rendered ${render.targets.head} target${render.targets.head === 1 ? "" : "s"} (base ${render.targets.base}) with ${render.tools.join(", ") || "no tool"}`);
  }
  return { findings: reported, summary, base, head };
}
function ruleFindings(base, head, changed, config, rules, options, notes) {
  const mode = options.mode ?? "pr";
  const changedOnBase = once(() => base.resources.filter((r) => head.byKey.get(r.key)?.object !== r.object));
  const changedOnHead = once(() => head.resources.filter((r) => base.byKey.get(r.key)?.object !== r.object));
  const findings = [];
  for (const rule of rules) {
    const setting = config.rules[rule.id];
    if (setting && !setting.enabled) continue;
    const severityOverride = setting?.severity;
    if (rule.kind === "diff") {
      const collected = [];
      rule.check({
        base,
        head,
        changed,
        config,
        trees: options.trees,
        mode,
        report: (input) => collected.push(toFinding(rule, input, severityOverride)),
        reportAt: ({ side, ...at }) => collected.push(findingAt(rule, at, side, severityOverride)),
        note: (text) => notes.add(text)
      });
      for (const f of collected) findings.push(f);
    } else {
      const onSide = (model, side) => {
        const collected = [];
        rule.check({
          model,
          side,
          config,
          changedResources: side === "base" ? changedOnBase() : changedOnHead(),
          report: (input) => collected.push(toFinding(rule, input, severityOverride)),
          reportAt: (at) => collected.push(findingAt(rule, at, side, severityOverride))
        });
        return collected;
      };
      const before = new Set(onSide(base, "base").map((f) => f.fingerprint));
      for (const f of onSide(head, "head")) if (!before.has(f.fingerprint)) findings.push(f);
    }
  }
  judgeSuppressions(findings, base, head, mode === "audit" ? "tree" : "change", options.approval);
  return findings;
}
function environmentViews(base, head) {
  const environments = /* @__PURE__ */ new Set();
  for (const model of [base, head]) for (const r of model.resources) if (r.origin) environments.add(r.origin.target.name);
  if (environments.size < 2) return [{ base, head }];
  return [...environments].sort().map((name) => ({ base: viewOf(base, name), head: viewOf(head, name) }));
}
function viewOf(model, environment) {
  const inView = (r) => !r.origin || r.origin.target.name === environment;
  return { ...model, resources: model.resources.filter(inView), byKey: new Map([...model.byKey].filter(([, r]) => inView(r))) };
}
function distinct(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((f) => {
    const key = `${f.fingerprint}\0${f.location.side}\0${f.location.path}\0${f.location.line}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function renderSummary(base, head) {
  if (!base.rendered && !head.rendered) return void 0;
  const tools = [.../* @__PURE__ */ new Set([...base.rendered?.tools ?? [], ...head.rendered?.tools ?? []])].sort();
  return { tools, targets: { base: base.rendered?.targets.length ?? 0, head: head.rendered?.targets.length ?? 0 } };
}
function once(compute) {
  let value;
  return () => value ??= compute();
}
function changedPairs(base, head) {
  const pairs = [];
  for (const [key, before] of base.byKey) {
    const after = head.byKey.get(key);
    if (!after || !deepEqual(before.object, after.object)) pairs.push({ key, before, after });
  }
  for (const [key, after] of head.byKey) if (!base.byKey.has(key)) pairs.push({ key, after });
  return pairs.sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
function findingAt(rule, { message, path, line, key }, side, severityOverride) {
  return {
    ruleId: rule.id,
    severity: severityOverride ?? rule.severity,
    message,
    location: { path, line, endLine: line, side },
    related: [],
    fingerprint: fingerprintOf(rule.id, void 0, `${path}\0${key}`)
  };
}
function locate(place2) {
  const { path, line, endLine, side } = place2.resource.at(place2.path ?? []);
  return { path, line, endLine, side: side ?? place2.side };
}
function toFinding(rule, input, severityOverride) {
  const { resource } = input.at;
  const subject = {
    group: resource.group,
    kind: resource.kind,
    namespace: resource.namespace,
    name: resource.name,
    ...resource.origin ? { scope: resource.origin.target.path, environment: resource.environment } : {}
  };
  return {
    ruleId: rule.id,
    severity: severityOverride ?? input.severity ?? rule.severity,
    message: withEnvironment(input.message, resource.environment),
    location: locate(input.at),
    related: (input.related ?? []).map((r) => ({ ...locate(r), message: r.message })),
    resource: subject,
    fingerprint: fingerprintOf(rule.id, subject, input.key),
    ...input.details ? { details: input.details } : {},
    ...input.edges?.length ? { edges: input.edges } : {}
  };
}
function withEnvironment(message, environment) {
  if (environment === void 0 || message.includes(`in ${environment}`)) return message;
  return `In ${environment}: ${message}`;
}
function compareFindings(a, b) {
  return a.location.path.localeCompare(b.location.path) || a.location.line - b.location.line || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}
function summarize(findings, base, head) {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  let suppressed = 0;
  let proposed = 0;
  for (const f of findings) {
    if (f.suppressed) suppressed++;
    else {
      counts[f.severity]++;
      if (f.proposedSuppression) proposed++;
    }
  }
  return {
    counts,
    suppressed,
    proposed,
    files: { base: base.files.length, head: head.files.length },
    resources: { base: base.resources.length, head: head.resources.length }
  };
}

// src/sources/census.ts
function commitCensus(commit, read, selection, config) {
  return {
    description: `commit ${commit.slice(0, 12)}`,
    selected: read.files.length,
    tree: read.tree,
    selection,
    globsFrom: config.globsFrom,
    location: { path: config.path, line: 1 }
  };
}

// src/app/analysis.ts
function analyzePullRequest(input) {
  const { base, head, config, selection, where } = input;
  const trees = { base: commitCensus(input.baseSha, base, selection, where), head: commitCensus(input.headSha, head, selection, where) };
  const { findings, summary } = analyze(base.files, head.files, config, void 0, {
    trees,
    rendered: { base: base.rendered, head: head.rendered },
    ...input.approval ? { approval: input.approval } : {}
  });
  return { findings, summary };
}

// src/app/analysis-thread.ts
try {
  setPriority(10);
} catch {
}
parentPort.on("message", ({ id, input }) => {
  try {
    parentPort.postMessage({ id, output: analyzePullRequest(input) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
