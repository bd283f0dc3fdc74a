// Sentinel automation rule that runs the forwarding Logic App (forward-incident.bicep) for each new incident.
// Deploy it into the resource group of the Sentinel workspace.
//
// Roles, granted outside this template:
// - The deploying user needs Microsoft Sentinel Contributor on the workspace to create the rule, and Logic App
//   Contributor (or Owner) on the playbook to attach it.
// - Sentinel runs the playbook as the "Azure Security Insights" service principal, which needs Microsoft Sentinel
//   Automation Contributor on the playbook's resource group (the sentinelAutomationPrincipalId parameter of
//   forward-incident.bicep assigns it).

@description('Name of the Microsoft Sentinel (Log Analytics) workspace in this resource group.')
param workspaceName string

@description('Resource id of the forwarding Logic App (the workflowId output of forward-incident.bicep).')
param logicAppResourceId string

@description('Display name of the automation rule in Sentinel.')
param displayName string = 'AiSoc: investigate new incidents'

@minValue(1)
@maxValue(1000)
@description('Order among the workspace\'s automation rules; lower runs first. Rules that change severity or owner should run before this one.')
param order int = 100

@description('Conditions in the automation rule API format; empty runs the playbook for every new incident.')
param conditions array = []

@description('Whether the rule is enabled.')
param isEnabled bool = true

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource automationRule 'Microsoft.SecurityInsights/automationRules@2024-09-01' = {
  // The rule name is a GUID; deriving it from the workspace and playbook makes a repeated deployment update the
  // same rule instead of adding a second one.
  name: guid(workspace.id, logicAppResourceId)
  scope: workspace
  properties: {
    displayName: displayName
    order: order
    triggeringLogic: {
      isEnabled: isEnabled
      triggersOn: 'Incidents'
      triggersWhen: 'Created'
      conditions: conditions
    }
    actions: [
      {
        order: 1
        actionType: 'RunPlaybook'
        actionConfiguration: {
          logicAppResourceId: logicAppResourceId
          tenantId: tenant().tenantId
        }
      }
    ]
  }
}

output automationRuleName string = automationRule.name
output automationRuleId string = automationRule.id
