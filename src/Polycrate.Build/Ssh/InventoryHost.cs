namespace Polycrate.Build.Ssh;

/// <summary>
/// One host of an Ansible inventory with its connection settings after Ansible's precedence (<c>all</c> vars, then
/// group vars from outer to inner groups, then host vars): <c>ansible_host</c> (else the name), <c>ansible_port</c> /
/// <c>ansible_ssh_port</c> (else 22), <c>ansible_user</c> / <c>ansible_ssh_user</c> (else null: ssh's default),
/// <c>ansible_ssh_common_args</c> + <c>ansible_ssh_extra_args</c> (split like a shell would).
/// </summary>
public sealed record InventoryHost(string Name, string Address, int Port, string? User, IReadOnlyList<string> Groups, IReadOnlyList<string> SshArguments);
