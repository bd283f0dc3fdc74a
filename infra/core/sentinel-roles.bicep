// Sentinel roles for the two tenant identities, deployed into the resource group of the Sentinel workspace,
// which may be another group (or subscription) than the function app's.
param workspaceName string

@description('Principal id of the enrichment identity, which reads incidents.')
param enrichmentPrincipalId string

@description('Principal id of the containment identity, which writes comments and incident changes back.')
param containmentPrincipalId string

// Built-in roles: Microsoft Sentinel Reader and Microsoft Sentinel Responder.
var sentinelReader = '8d289c81-5878-46d4-8554-54e1e3d8b5cb'
var sentinelResponder = '3e150937-b8fe-4cfb-8069-0eaf05ecd056'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

// Enrichment only reads incidents, alerts and entities, so Reader suffices and keeps that identity read-only.
resource readerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(workspace.id, enrichmentPrincipalId, sentinelReader)
  scope: workspace
  properties: {
    principalId: enrichmentPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', sentinelReader)
  }
}

// Write-back adds comments and updates status, classification, owner and labels. Responder covers exactly that;
// Microsoft Sentinel Contributor would also let the identity change analytics and automation rules.
resource responderAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(workspace.id, containmentPrincipalId, sentinelResponder)
  scope: workspace
  properties: {
    principalId: containmentPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', sentinelResponder)
  }
}
