# polycrate_vars: the Polycrate action snapshot as Ansible variables (shipped by polycrate-build).
# Playbooks started from a script action see workspace, block, action, workflow, step, env and mounts as they do
# with `ansible-playbook -e @snapshot`. The file is read with Ansible's own YAML loader (safe, keeps !unsafe).
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = '''
    name: polycrate_vars
    short_description: Polycrate snapshot variables
    description:
      - Loads the YAML file named by POLYCRATE_WORKSPACE_SNAPSHOT_YAML (or POLYCRATE_SNAPSHOT_FILE) and returns its
        top-level keys as variables for every host and group.
'''

import os

from ansible.errors import AnsibleParserError
from ansible.plugins.vars import BaseVarsPlugin


class VarsModule(BaseVarsPlugin):
    REQUIRES_ENABLED = True
    REQUIRES_WHITELIST = True

    def get_vars(self, loader, path, entities, cache=True):
        super(VarsModule, self).get_vars(loader, path, entities)
        snapshot = os.environ.get('POLYCRATE_WORKSPACE_SNAPSHOT_YAML') or os.environ.get('POLYCRATE_SNAPSHOT_FILE')
        if not snapshot:
            return {}
        if not os.path.isfile(snapshot):
            raise AnsibleParserError('polycrate_vars: the snapshot file %s does not exist' % snapshot)
        data = loader.load_from_file(snapshot)
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise AnsibleParserError('polycrate_vars: %s does not hold a mapping' % snapshot)
        return data
