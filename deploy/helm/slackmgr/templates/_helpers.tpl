{{/* Chart name, truncated to the 63 characters of a DNS label. */}}
{{- define "slackmgr.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: release-chart, or the release name alone when it already contains the chart name. */}}
{{- define "slackmgr.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "slackmgr.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "slackmgr.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: slackmgr
{{- end }}

{{/* Selector labels of one component: include "slackmgr.selectorLabels" (list . "api") */}}
{{- define "slackmgr.selectorLabels" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: {{ include "slackmgr.name" $root }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}

{{- define "slackmgr.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "slackmgr.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "slackmgr.secretName" -}}
{{- default (printf "%s-secrets" (include "slackmgr.fullname" .)) .Values.existingSecret }}
{{- end }}

{{- define "slackmgr.settingsConfigMapName" -}}
{{- default (printf "%s-settings" (include "slackmgr.fullname" .)) .Values.settings.existingConfigMap }}
{{- end }}

{{/* image reference: include "slackmgr.image" (list . .Values.image.api) */}}
{{- define "slackmgr.image" -}}
{{- $root := index . 0 -}}
{{- $img := index . 1 }}
{{- printf "%s%s:%s" $root.Values.image.registry $img.repository (default $root.Chart.AppVersion $img.tag) }}
{{- end }}

{{/* Environment shared by api and manager. */}}
{{- define "slackmgr.commonEnv" -}}
- name: SLACK_BOT_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "slackmgr.secretName" . }}
      key: {{ .Values.secretKeys.slackBotToken }}
- name: SLACKMGR_ENCRYPTION_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "slackmgr.secretName" . }}
      key: {{ .Values.secretKeys.encryptionKey }}
      optional: true
- name: SLACK_API_URL
  value: {{ .Values.slack.apiUrl | quote }}
{{- if .Values.redis.urlFromSecret }}
- name: SPRING_DATA_REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "slackmgr.secretName" . }}
      key: {{ .Values.secretKeys.redisUrl }}
{{- else }}
- name: SPRING_DATA_REDIS_URL
  value: {{ .Values.redis.url | quote }}
{{- end }}
{{- with .Values.logging.structuredFormat }}
- name: LOGGING_STRUCTURED_FORMAT_CONSOLE
  value: {{ . | quote }}
{{- end }}
{{- if .Values.tracing.enabled }}
- name: MANAGEMENT_TRACING_EXPORT_ENABLED
  value: "true"
- name: MANAGEMENT_TRACING_SAMPLING_PROBABILITY
  value: {{ .Values.tracing.samplingProbability | quote }}
{{- with .Values.tracing.otlpEndpoint }}
- name: MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/* prometheus.io annotations for a pod serving /actuator/prometheus on this port */}}
{{- define "slackmgr.scrapeAnnotations" -}}
{{- $root := index . 0 -}}
{{- if $root.Values.metrics.podAnnotations -}}
prometheus.io/scrape: "true"
prometheus.io/port: {{ index . 1 | quote }}
prometheus.io/path: /actuator/prometheus
{{- end }}
{{- end }}

{{/* Liveness and readiness on the actuator health groups (management.endpoint.health.probes.enabled). */}}
{{- define "slackmgr.probes" -}}
livenessProbe:
  httpGet:
    path: /actuator/health/liveness
    port: http
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /actuator/health/readiness
    port: http
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
{{- end }}

{{- define "slackmgr.settingsEnabled" -}}
{{- if or .Values.settings.existingConfigMap .Values.settings.api .Values.settings.manager }}true{{ end }}
{{- end }}
