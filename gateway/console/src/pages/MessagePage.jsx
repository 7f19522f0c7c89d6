// A page that only says something: not found, not allowed, the gateway cannot be reached.
import { Alert } from '../components/Alert.jsx';

export function MessagePage({ title, message, kind = 'info', action }) {
  return (
    <section class="narrow">
      <h1>{title}</h1>
      <Alert kind={kind}>{message}</Alert>
      {action}
    </section>
  );
}
