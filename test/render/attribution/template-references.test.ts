import { describe, expect, it } from 'vitest';
import { templateReads } from '../../../src/render/attribution/template-references.js';

describe('templateReads', () => {
  it('lists the values a template reads, through index, $ and included helpers (nested ones too), in order', () => {
    const tree = new Map([
      ['chart/templates/_helpers.tpl', '{{- define "a" -}}\n{{- if .Values.a.on }}{{ include "b" . }}{{- end }}\n{{- end }}\n{{- define "b" -}}{{ $.Values.b }}{{- end }}\n'],
      ['chart/templates/x.yaml', '{{ include "a" . }}\nname: {{ index .Values "my-key" "sub" }}\n{{- range .Values.list }}{{ .name }}{{ end }}\n{{ .Values.a.on }}{{ .ValuesOf }}\n'],
      ['other/templates/_helpers.tpl', '{{- define "a" -}}{{ .Values.elsewhere }}{{- end }}\n'],
    ]);
    const reads = templateReads('chart/templates/x.yaml', tree, 'chart');
    expect(reads.values).toEqual([['a', 'on'], ['b'], ['my-key', 'sub'], ['list']]);
    expect(reads.helpers.map((h) => [h.file, h.name, h.body])).toEqual([
      ['chart/templates/_helpers.tpl', 'a', '\n{{- if .Values.a.on }}{{ include "b" . }}{{- end }}\n'],
      ['chart/templates/_helpers.tpl', 'b', '{{ $.Values.b }}'],
    ]);
  });

  it('reads a bare .Values as every value, and nothing from a missing template', () => {
    const tree = new Map([['templates/x.yaml', 'data: {{ toYaml .Values | nindent 2 }}\n']]);
    expect(templateReads('templates/x.yaml', tree, '').values).toEqual([[]]);
    expect(templateReads('templates/gone.yaml', tree, '')).toEqual({ values: [], helpers: [] });
  });
});
