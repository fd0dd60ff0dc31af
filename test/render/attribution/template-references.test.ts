import { describe, expect, it } from 'vitest';
import { valuesReferences } from '../../../src/render/attribution/template-references.js';

describe('valuesReferences', () => {
  it('lists the values a template reads, through index, $ and included helpers (nested ones too), in order', () => {
    const tree = new Map([
      ['chart/templates/_helpers.tpl', '{{- define "a" -}}\n{{- if .Values.a.on }}{{ include "b" . }}{{- end }}\n{{- end }}\n{{- define "b" -}}{{ $.Values.b }}{{- end }}\n'],
      ['chart/templates/x.yaml', '{{ include "a" . }}\nname: {{ index .Values "my-key" "sub" }}\n{{- range .Values.list }}{{ .name }}{{ end }}\n{{ .Values.a.on }}{{ .ValuesOf }}\n'],
      ['other/templates/_helpers.tpl', '{{- define "a" -}}{{ .Values.elsewhere }}{{- end }}\n'],
    ]);
    expect(valuesReferences('chart/templates/x.yaml', tree, 'chart')).toEqual([['a', 'on'], ['b'], ['my-key', 'sub'], ['list']]);
  });

  it('reads a bare .Values as every value, and nothing from a missing template', () => {
    const tree = new Map([['templates/x.yaml', 'data: {{ toYaml .Values | nindent 2 }}\n']]);
    expect(valuesReferences('templates/x.yaml', tree, '')).toEqual([[]]);
    expect(valuesReferences('templates/gone.yaml', tree, '')).toEqual([]);
  });
});
