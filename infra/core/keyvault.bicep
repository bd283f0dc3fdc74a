// Key Vault for the function app's secrets. Access uses Azure RBAC only (no access policies), and soft delete with
// purge protection keeps a deleted vault and its secrets recoverable for the retention period.
param name string
param location string
param tags object = {}

@description('Principal id of the function app host identity; it reads secrets through Key Vault references.')
param readerPrincipalId string

@description('Object id of the deploying user (AZURE_PRINCIPAL_ID in azd); empty skips the assignment.')
param operatorPrincipalId string = ''

@description('Principal type of operatorPrincipalId: User for a person, ServicePrincipal for a pipeline identity.')
@allowed(['User', 'ServicePrincipal', 'Group'])
param operatorPrincipalType string = 'User'

@secure()
@description('Value of the approval-anti-forgery-key secret.')
param approvalAntiForgeryKey string

@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

// Built-in roles: Key Vault Secrets User (read secret values) and Key Vault Secrets Officer (manage secrets).
var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // Once on, purge protection cannot be turned off, and a deleted vault keeps its name until the retention ends.
    enablePurgeProtection: true
    accessPolicies: []
    // Flex Consumption without virtual network integration reaches the vault over its public endpoint; only
    // Entra-authenticated callers with a Key Vault data role can read secrets.
    publicNetworkAccess: 'Enabled'
  }

  resource approvalKey 'secrets' = {
    name: 'approval-anti-forgery-key'
    properties: {
      value: approvalAntiForgeryKey
      contentType: 'text/plain'
    }
  }
}

// The host identity resolves the Key Vault references in the app settings, so it only needs to read secret values.
resource readerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUser)
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

// The operator sets secrets that only exist after deployment, such as teams-workflow-url, so they need write access
// to secrets on this vault, but not to its keys, certificates or access configuration.
resource operatorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, secretsOfficer)
  scope: vault
  properties: {
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
output approvalAntiForgeryKeySecretName string = vault::approvalKey.name
