import { defineRules } from '../../core/policy/index.js';
import type { InstanceFacts } from '../users/policy.js';

declare module '../../core/policy/index.js' {
  interface PolicyResources {
    'invitation.create': InstanceFacts;
    'invitation.list': InstanceFacts;
    'invitation.revoke': InstanceFacts;
  }
}

defineRules({
  'invitation.create': (a) => a.role === 'admin',
  'invitation.list': (a) => a.role === 'admin',
  'invitation.revoke': (a) => a.role === 'admin',
});
