#!/usr/bin/env bash
# Grants the Microsoft Graph and WindowsDefenderATP application permissions that AiSoc's tenant identities use:
# the read-only list to the enrichment identity and the action list to the containment identity. Each grant is an
# app role assignment on the identity's service principal, made with `az rest` against Microsoft Graph.
#
# azd runs this script after provisioning (azure.yaml, hooks.postprovision). Run it again at any time, because it
# skips assignments that exist. The signed-in az user needs the Entra role Privileged Role Administrator or
# Global Administrator, because app role assignments of application permissions need one of them.
#
# The permission lists below equal the table "Least privilege by identity" in docs/integrations.md;
# tests/AiSoc.Functions.Tests/PermissionScriptTests.cs fails when they drift apart.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: infra/scripts/grant-permissions.sh [--dry-run]

Grants the Microsoft Graph and WindowsDefenderATP application permissions of the AiSoc enrichment and
containment identities. Existing assignments are skipped.

  --dry-run   Read the current assignments and print what would be granted, without granting anything.
  --help      Print this help.

Environment:
  AZURE_ENRICHMENT_PRINCIPAL_ID, AZURE_CONTAINMENT_PRINCIPAL_ID
              Object ids of the two identities' service principals. azd passes the template outputs to the
              hook; when they are missing, the script reads them with `azd env get-value`.
  AISOC_GRAPH_URL
              Microsoft Graph endpoint (default https://graph.microsoft.com); set it for a national cloud.
USAGE
}

ENRICHMENT_GRAPH=(
  User.Read.All
  GroupMember.Read.All
  RoleManagement.Read.Directory
  IdentityRiskyUser.Read.All
  IdentityRiskEvent.Read.All
  AuditLog.Read.All
  Application.Read.All
  Directory.Read.All
  SecurityAlert.Read.All
  SecurityIncident.Read.All
)
ENRICHMENT_DEFENDER=(
  Machine.Read.All
  Alert.Read.All
  User.Read.All
  File.Read.All
  Ip.Read.All
)
CONTAINMENT_GRAPH=(
  User.Read.All
  RoleManagement.Read.Directory
  User.EnableDisableAccount.All
  User.RevokeSessions.All
  IdentityRiskyUser.ReadWrite.All
  Application.Read.All
  DelegatedPermissionGrant.ReadWrite.All
  Application.ReadWrite.All
  SecurityAlert.ReadWrite.All
)
CONTAINMENT_DEFENDER=(
  Machine.Read.All
  Machine.Isolate
  Machine.RestrictExecution
  Machine.Scan
  Machine.CollectForensics
  Machine.StopAndQuarantine
  Ti.ReadWrite.All
)

# Application ids of the first-party APIs; they are the same in every tenant.
GRAPH_APP_ID=00000003-0000-0000-c000-000000000000
DEFENDER_APP_ID=fc780465-2017-40d4-a0c5-307022471b92

# Entra role template ids that may assign application permissions.
GLOBAL_ADMINISTRATOR=62e90394-69f5-4237-9190-012177145e10
PRIVILEGED_ROLE_ADMINISTRATOR=e8611ab8-c189-46e8-94e1-60213ab1f814

GRAPH_URL=${AISOC_GRAPH_URL:-https://graph.microsoft.com}
GRAPH_URL=${GRAPH_URL%/}

dry_run=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dry-run) dry_run=true ;;
    --help | -h) usage; exit 0 ;;
    *) echo "grant-permissions: unknown option '$1'." >&2; usage >&2; exit 64 ;;
  esac
  shift
done

fail() {
  echo "grant-permissions: $*" >&2
  exit 1
}

graph_get() {
  local path=$1 query=$2
  az rest --method get --url "$GRAPH_URL$path" --resource "$GRAPH_URL" --query "$query" --output tsv
}

graph_post() {
  local path=$1 body=$2
  az rest --method post --url "$GRAPH_URL$path" --resource "$GRAPH_URL" \
    --headers "Content-Type=application/json" --body "$body" --output none
}

# Reads an azd output from the environment, or from the azd environment when the script runs outside a hook.
read_output() {
  local name=$1 value=${!1:-}
  if [[ -z "$value" ]] && command -v azd > /dev/null 2>&1; then
    value=$(azd env get-value "$name" 2> /dev/null || true)
  fi
  [[ -n "$value" ]] || fail "$name is not set. Run 'azd provision' first, or export the object id of the identity's service principal as $name."
  echo "$value"
}

check_caller_role() {
  local roles
  if ! roles=$(graph_get "/v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole?\$select=roleTemplateId" "value[].roleTemplateId"); then
    fail "could not read the directory roles of the signed-in user from $GRAPH_URL/v1.0/me. Sign in as a user with 'az login --tenant <tenant id>'; a service principal cannot run this check."
  fi

  if grep -qxiF -e "$GLOBAL_ADMINISTRATOR" -e "$PRIVILEGED_ROLE_ADMINISTRATOR" <<< "$roles"; then
    return 0
  fi

  local explanation="the signed-in user holds neither Privileged Role Administrator nor Global Administrator, which granting application permissions requires. Activate one of them (in Privileged Identity Management if it is eligible) and run infra/scripts/grant-permissions.sh again, or ask an administrator to run it."
  if [[ "$dry_run" == true ]]; then
    echo "warning: $explanation" >&2
    return 0
  fi
  fail "$explanation"
}

# Prints "<service principal id>" on the first line and "<permission>\t<app role id>" lines after it, or nothing
# when the API's service principal does not exist in the tenant.
read_api() {
  local app_id=$1 path="/v1.0/servicePrincipals(appId='$1')" id
  id=$(graph_get "$path" "id" 2> /dev/null || true)
  [[ -n "$id" ]] || return 0
  echo "$id"
  graph_get "$path" "appRoles[?contains(allowedMemberTypes, 'Application')].[value, id]"
}

errors=0

# Grants each permission of one API to one identity. Arguments: label, principal id, API name, API data
# (the output of read_api), existing assignments ("<resource id>\t<app role id>" lines), permissions.
grant_all() {
  local label=$1 principal_id=$2 api_name=$3 api=$4 existing=$5
  shift 5
  local resource_id permission role_id
  resource_id=$(head -n 1 <<< "$api")

  for permission in "$@"; do
    role_id=$(awk -F '\t' -v name="$permission" 'NR > 1 && $1 == name { print $2; exit }' <<< "$api")
    if [[ -z "$role_id" ]]; then
      echo "error: $api_name has no application permission '$permission'; $label was not granted it." >&2
      errors=$((errors + 1))
    elif grep -qxiF "$resource_id"$'\t'"$role_id" <<< "$existing"; then
      echo "$label: $api_name $permission already granted."
    elif [[ "$dry_run" == true ]]; then
      echo "$label: would grant $api_name $permission."
    else
      graph_post "/v1.0/servicePrincipals/$principal_id/appRoleAssignments" \
        "{\"principalId\":\"$principal_id\",\"resourceId\":\"$resource_id\",\"appRoleId\":\"$role_id\"}"
      echo "$label: granted $api_name $permission."
    fi
  done
}

# Prints the identity's app role assignments as "<resource id>\t<app role id>" lines.
read_assignments() {
  local label=$1 principal_id=$2

  # NOTE: reads one page (up to 100 assignments by default); an identity with more would need @odata.nextLink.
  if ! graph_get "/v1.0/servicePrincipals/$principal_id/appRoleAssignments" "value[].[resourceId, appRoleId]"; then
    echo "error: could not read the app role assignments of the $label ($principal_id); check that the identity exists in the signed-in tenant." >&2
    return 1
  fi
}

command -v az > /dev/null 2>&1 || fail "the Azure CLI (az) is not installed or not on PATH; see https://learn.microsoft.com/cli/azure/install-azure-cli."

enrichment_id=$(read_output AZURE_ENRICHMENT_PRINCIPAL_ID)
containment_id=$(read_output AZURE_CONTAINMENT_PRINCIPAL_ID)

check_caller_role

graph_api=$(read_api "$GRAPH_APP_ID")
[[ -n "$graph_api" ]] || fail "the Microsoft Graph service principal ($GRAPH_APP_ID) was not found in the signed-in tenant; check 'az account show'."

defender_api=$(read_api "$DEFENDER_APP_ID")
if [[ -z "$defender_api" ]]; then
  echo "warning: the WindowsDefenderATP service principal ($DEFENDER_APP_ID) was not found, so the Defender for Endpoint permissions are skipped. It appears once the tenant is onboarded to Defender for Endpoint; run this script again then." >&2
fi

if existing=$(read_assignments "enrichment identity" "$enrichment_id"); then
  grant_all "enrichment identity" "$enrichment_id" "Microsoft Graph" "$graph_api" "$existing" "${ENRICHMENT_GRAPH[@]}"
  if [[ -n "$defender_api" ]]; then
    grant_all "enrichment identity" "$enrichment_id" "WindowsDefenderATP" "$defender_api" "$existing" "${ENRICHMENT_DEFENDER[@]}"
  fi
else
  errors=$((errors + 1))
fi

if existing=$(read_assignments "containment identity" "$containment_id"); then
  grant_all "containment identity" "$containment_id" "Microsoft Graph" "$graph_api" "$existing" "${CONTAINMENT_GRAPH[@]}"
  if [[ -n "$defender_api" ]]; then
    grant_all "containment identity" "$containment_id" "WindowsDefenderATP" "$defender_api" "$existing" "${CONTAINMENT_DEFENDER[@]}"
  fi
else
  errors=$((errors + 1))
fi

if [[ $errors -gt 0 ]]; then
  fail "$errors permission(s) could not be granted; see the errors above."
fi

if [[ "$dry_run" == true ]]; then
  echo "Dry run: nothing was granted."
else
  echo "Done. New permissions take effect when the identities request their next token, which can take up to 24 hours for a cached token."
fi
