#!/usr/bin/python3
# sk-a11y-walk.py PID — what a screen reader can reach in the program PID
#
# Walks the whole accessibility tree (AT-SPI) of the application with that
# process id, showing and hidden nodes alike, and prints one line a node:
# "role|name|text|description|showing|actions|focusable|focused|checked".  The gui test that started
# the walk checks the lines: nothing the child must not see may be there.
import sys
import time

import pyatspi


def text_of(node):
    try:
        text = node.queryText()
        # GTK 4.8 answers an end of -1 with nothing for entries: ask for
        # the characters there are.
        return text.getText(0, text.characterCount)
    except NotImplementedError:
        return ''
    except Exception:
        return ''


def actions_of(node):
    try:
        return node.queryAction().nActions
    except NotImplementedError:
        return 0
    except Exception:
        return 0


def clean(value):
    return (value or '').replace('\n', ' ').replace('|', '/')


def walk(node, out, depth=0):
    if node is None or depth > 200:
        return
    try:
        role = node.getRoleName()
        name = node.name
        description = node.description
        state = node.getState()
        showing = state.contains(pyatspi.STATE_SHOWING)
        count = node.childCount
    except Exception:
        return
    out.append('|'.join((clean(role), clean(name), clean(text_of(node)), clean(description),
                         'showing' if showing else 'hidden', str(actions_of(node)),
                         'focusable' if state.contains(pyatspi.STATE_FOCUSABLE) else '',
                         'focused' if state.contains(pyatspi.STATE_FOCUSED) else '',
                         'checked' if state.contains(pyatspi.STATE_CHECKED) else '')))
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, out, depth + 1)


def main():
    pid = int(sys.argv[1])
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == pid:
                    out = []
                    walk(app, out)
                    print('\n'.join(out))
                    return 0
            except Exception:
                continue
        time.sleep(0.2)
    print('no application with process id %d on the accessibility bus' % pid, file=sys.stderr)
    return 1


sys.exit(main())
