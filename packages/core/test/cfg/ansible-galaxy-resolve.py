#!/usr/bin/env python3
"""Resolves galaxy servers with ansible-core's own ConfigManager, the way `ansible-galaxy` 2.14 does
(cli/galaxy.py: server_list, then one 'galaxy_server' plugin definition per listed id).

stdin: JSON list of {"cfg": "<ansible.cfg text>", "env": {...}}; stdout: JSON list of
{"server_list": [...], "ignore_certs": bool|null, "servers": {id: {key: value} | {"error": "..."}}}.
Run it with the python that ansible-galaxy runs with.
"""
import json
import os
import sys
import tempfile

from ansible.config.manager import ConfigManager
from ansible.errors import AnsibleError

# (key, required, type) and extra fields exactly as lib/ansible/cli/galaxy.py 2.14 defines them.
SERVER_DEF = [('url', True, 'str'), ('username', False, 'str'), ('password', False, 'str'),
              ('token', False, 'str'), ('auth_url', False, 'str'), ('v3', False, 'bool'),
              ('validate_certs', False, 'bool'), ('client_id', False, 'str'), ('timeout', False, 'int')]
SERVER_ADDITIONAL = {'v3': {'default': 'False'}, 'validate_certs': {}, 'timeout': {'default': '60'},
                     'token': {'default': None}}


def server_def(server, key, required, option_type):
    d = {'ini': [{'section': 'galaxy_server.%s' % server, 'key': key}],
         'env': [{'name': 'ANSIBLE_GALAXY_SERVER_%s_%s' % (server.upper(), key.upper())}],
         'required': required, 'type': option_type}
    d.update(SERVER_ADDITIONAL.get(key, {}))
    return d


def resolve(case, folder):
    path = os.path.join(folder, 'ansible.cfg')
    with open(path, 'w') as f:
        f.write(case['cfg'])
    for name in [n for n in os.environ if n.startswith('ANSIBLE_')]:
        del os.environ[name]
    os.environ.update(case['env'])
    cm = ConfigManager(conf_file=path)
    out = {'server_list': [s for s in cm.get_config_value('GALAXY_SERVER_LIST') or [] if s],
           'ignore_certs': cm.get_config_value('GALAXY_IGNORE_CERTS'), 'servers': {}}
    for server in out['server_list']:
        cm.initialize_plugin_configuration_definitions(
            'galaxy_server', server, {k: server_def(server, k, r, t) for k, r, t in SERVER_DEF})
        try:
            opts = cm.get_plugin_options('galaxy_server', server)
            out['servers'][server] = {k: opts[k] for k in
                                      ('url', 'token', 'auth_url', 'client_id', 'username', 'password', 'validate_certs')}
        except AnsibleError as e:
            out['servers'][server] = {'error': str(e).split(':')[0]}
    return out


if __name__ == '__main__':
    with tempfile.TemporaryDirectory() as folder:
        json.dump([resolve(c, folder) for c in json.load(sys.stdin)], sys.stdout)
