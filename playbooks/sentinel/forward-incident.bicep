// Consumption Logic App that a Sentinel automation rule runs for each new incident. It forwards the incident
// trigger body to the AiSoc incident webhook, authenticating with its system-assigned managed identity.
//
// Roles, granted outside this template unless noted:
// - Microsoft Sentinel Automation Contributor for the "Azure Security Insights" service principal on this
//   resource group, so Sentinel can run the playbook. Set sentinelAutomationPrincipalId to assign it here.
// - Microsoft Sentinel Responder for this Logic App's identity on the Sentinel workspace, only when a later action
//   writes back to the incident (comments, status). Forwarding alone needs no Sentinel role, because the
//   incident trigger's API connection runs as the same identity and Sentinel pushes the incident to it.
// - The webhook accepts the token only when this identity's client id (application id) is listed in the
//   function app setting IncidentWebhook__Authentication__AllowedApplicationIds__N.

@description('Logic App name.')
param name string = 'aisoc-forward-incident'

param location string = resourceGroup().location
param tags object = {}

@description('Host name of the AiSoc function app (the AZURE_FUNCTION_APP_HOSTNAME output of azd), without https://.')
param functionAppHostName string

@description('Application id URI of the webhook app registration; the audience of the managed identity token.')
param webhookAudience string = 'api://aisoc-webhook'

@secure()
@description('Function key of the SentinelIncident function; it routes the request, the bearer token authenticates it.')
param functionKey string

@description('Object id of the Azure Security Insights service principal in this tenant; empty skips the role assignment.')
param sentinelAutomationPrincipalId string = ''

// Built-in role "Microsoft Sentinel Automation Contributor".
var automationContributorRoleId = 'f4c81013-99ee-4d62-a7ee-b3f1f648599a'
var connectionName = 'azuresentinel-${name}'

resource sentinelConnection 'Microsoft.Web/connections@2016-06-01' = {
  name: connectionName
  location: location
  tags: tags
  properties: {
    displayName: connectionName
    api: {
      id: subscriptionResourceId('Microsoft.Web/locations/managedApis', location, 'azuresentinel')
    }
    // Managed identity authentication of the connection, as Sentinel's own playbook templates set it. The
    // property is missing from the published resource type, hence the suppression.
    #disable-next-line BCP037
    parameterValueType: 'Alternative'
  }
}

resource workflow 'Microsoft.Logic/workflows@2019-05-01' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    state: 'Enabled'
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      parameters: {
        '$connections': {
          type: 'Object'
          defaultValue: {}
        }
        functionKey: {
          type: 'SecureString'
          defaultValue: ''
        }
      }
      triggers: {
        Microsoft_Sentinel_incident: {
          type: 'ApiConnectionWebhook'
          inputs: {
            host: {
              connection: {
                name: '@parameters(\'$connections\')[\'azuresentinel\'][\'connectionId\']'
              }
            }
            body: {
              callback_url: '@{listCallbackUrl()}'
            }
            path: '/incident-creation'
          }
        }
      }
      actions: {
        Forward_to_AiSoc: {
          type: 'Http'
          runAfter: {}
          inputs: {
            method: 'POST'
            uri: 'https://${functionAppHostName}/api/sentinel/incidents'
            headers: {
              'Content-Type': 'application/json'
              'x-functions-key': '@parameters(\'functionKey\')'
            }
            body: '@triggerBody()'
            authentication: {
              type: 'ManagedServiceIdentity'
              audience: webhookAudience
            }
          }
          // The webhook derives the investigation id from the incident id, so a retried delivery starts nothing new.
          retryPolicy: {
            type: 'exponential'
            count: 4
            interval: 'PT30S'
          }
        }
      }
      outputs: {}
    }
    parameters: {
      '$connections': {
        value: {
          azuresentinel: {
            connectionId: sentinelConnection.id
            connectionName: sentinelConnection.name
            id: sentinelConnection.properties.api.id
            connectionProperties: {
              authentication: {
                type: 'ManagedServiceIdentity'
              }
            }
          }
        }
      }
      functionKey: {
        value: functionKey
      }
    }
  }
}

resource automationContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(sentinelAutomationPrincipalId)) {
  name: guid(resourceGroup().id, sentinelAutomationPrincipalId, automationContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', automationContributorRoleId)
    principalId: sentinelAutomationPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output workflowName string = workflow.name
output workflowId string = workflow.id

@description('Object id of the Logic App identity; look up its client id with az ad sp show --id <this value> --query appId.')
output principalId string = workflow.identity.principalId

output connectionId string = sentinelConnection.id
