#!/bin/bash
# Issue 14's "done when" through make run's server (B=http://localhost:8080 unless set): a complaint
# opens a case on Linnégården, the first plan is returned with a comment, the second accepted, its
# action and the case are in the next agenda, the case report is fact-checked and registered, the
# case reported and closed, the archive holds the case. Needs curl, jq, unzip.
set -e
T=$(mktemp -d)
B=${B:-http://localhost:8080}
tok() { curl -sf -X POST $B/api/v1/session -H 'content-type: application/json' -d "{\"username\":\"$1\",\"password\":\"samverkan-demo\"}" | jq -r .token; }
A=$(tok anna.avtal); U=$(tok ulla.utforare); R=$(tok rita.registrator)
j() { curl -sf -X POST "$B$1" -H "Authorization: Bearer $2" -H 'content-type: application/json' -d "$3"; }
D14=$(date -d '+14 days' +%F); D60=$(date -d '+60 days' +%F); Dm2=$(date -d '-2 days' +%F)
ID=$(j /api/v1/follow-up-cases $A "{\"contract_id\":1,\"trigger\":\"complaints\",\"title\":\"Klagomål på kvällsbemanningen\",\"description\":\"En anhörig beskriver att ingen kom vid larm.\",\"occurred_on\":\"$Dm2\",\"urgency\":\"normal\"}" | jq .id)
C=/api/v1/follow-up-cases/$ID
j $C/analysis/start $A '{}' >/dev/null
j $C/analysis $A "{\"outcome\":\"not_ok\",\"text\":\"Bemanningen räcker inte.\",\"plan_due_on\":\"$D14\"}" | jq -r .state
V1=$(curl -sf -X PUT $B$C/plan -H "Authorization: Bearer $U" -H 'If-None-Match: *' -H 'content-type: application/json' -d "{\"plan\":{\"summary\":\"Vakanser.\",\"items\":[{\"id\":\"\",\"text\":\"Rekrytera två undersköterskor\",\"responsible\":\"Enhetschef\",\"due_date\":\"$D60\"}]}}" | jq -r .version)
j $C/plan/submit $U '{}' >/dev/null
j $C/plan/return $A "{\"comments\":[{\"point\":\"p1\",\"text\":\"Hur säkras bemanningen till dess?\"}],\"plan_due_on\":\"$D14\"}" | jq -r '.state, .plan_comments[0].text'
curl -sf -X PUT $B$C/plan -H "Authorization: Bearer $U" -H "If-Match: \"$V1\"" -H 'content-type: application/json' -d "{\"plan\":{\"summary\":\"Vakanser.\",\"items\":[{\"id\":\"p1\",\"text\":\"Rekrytera två undersköterskor; timanställda till dess\",\"responsible\":\"Enhetschef\",\"due_date\":\"$D60\"}]}}" >/dev/null
j $C/plan/submit $U '{}' >/dev/null
j $C/plan/accept $A '{}' | jq -r '.state, .actions[0].text'
# The next meeting's agenda carries the plan's action and the open case.
D30=$(date -d '+30 days' +%F)
M=$(j /api/v1/contracts/1/meetings $A "{\"starts_at\":\"${D30}T09:00\",\"location\":\"Linnégården\"}" | jq .id)
curl -sf "$B/api/v1/meetings/$M/agenda" -H "Authorization: Bearer $A" | grep -o 'timanställda till dess\|Klagomål på kvällsbemanningen' | sort -u
j $C/analysis $A '{"outcome":"ok","text":"Planen räcker."}' >/dev/null
j $C/feedback $A '{"text":"Återkoppling given vid möte."}' >/dev/null
RID=$(j $C/report $A '{}' | jq .report_id); RP=/api/v1/reports/$RID
ET=$(curl -sfi $B$RP -H "Authorization: Bearer $A" | grep -i '^etag:' | cut -d' ' -f2 | tr -d '\r')
curl -sf $B$RP -H "Authorization: Bearer $A" | jq '{report: (.report | .areas |= map(.assessment = (if .assessment=="not_assessed" then "partly_meets" else .assessment end)))}' > $T/report.json
curl -sf -X PUT $B$RP -H "Authorization: Bearer $A" -H "If-Match: $ET" -H 'content-type: application/json' -d @$T/report.json >/dev/null
j $RP/fact-check $A '{}' >/dev/null
j $RP/fact-check/answer $U '{}' >/dev/null
j $RP/finalize $A '{}' >/dev/null
j $RP/register $R '{}' | jq -r '.summary.state, .registry_number // .summary.registry_number'
j $C/reported $A '{}' | jq -r .state
j $C/close $A '{}' | jq -r .state
curl -sf $B$RP/archive -H "Authorization: Bearer $R" -o $T/archive.zip && unzip -l $T/archive.zip | grep -c 'arende.json\|atgardsplan.md'
