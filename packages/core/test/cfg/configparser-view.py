#!/usr/bin/env python3
"""What Python's configparser, configured exactly as ansible-core configures it, makes of some text.

  configparser-view.py < texts.json          JSON list of texts in, JSON list of views out (tests use it)
  configparser-view.py --fixtures DIR        (re)writes DIR/{ok,ng}.*/expected.json from input.cfg

input.cfg is decoded as ansible-core decodes a config file: UTF-8 with surrogateescape.
A view is {"ok": true, "sections": {...}, "defaults": {...}} or {"ok": false, "error": "Class: message"}.
"""
import configparser
import json
import os
import sys


def view(text):
    parser = configparser.ConfigParser(inline_comment_prefixes=(';',))
    try:
        parser.read_string(text)
    except configparser.Error as e:
        return {'ok': False, 'error': '%s: %s' % (type(e).__name__, e)}
    return {'ok': True,
            'sections': {name: dict(parser._sections[name]) for name in parser.sections()},
            'defaults': dict(parser._defaults)}


def fixtures(root):
    for case in sorted(os.listdir(root)):
        if not (case.startswith('ok.') or case.startswith('ng.')):
            continue
        with open(os.path.join(root, case, 'input.cfg'), 'rb') as f:
            result = view(f.read().decode('utf-8', 'surrogateescape'))
        if result['ok'] != case.startswith('ok.'):
            sys.exit('%s: folder name says %s but configparser says ok=%s' % (case, case[:2], result['ok']))
        with open(os.path.join(root, case, 'expected.json'), 'w') as f:
            json.dump(result, f, indent=1)
            f.write('\n')
        print(case, 'ok' if result['ok'] else result['error'].split(':')[0])


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--fixtures':
        fixtures(sys.argv[2])
    else:
        json.dump([view(t) for t in json.load(sys.stdin)], sys.stdout)
