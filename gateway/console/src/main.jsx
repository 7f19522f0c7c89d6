// Entry point: styles and the app, mounted on #app.
import { render } from 'preact';
import { App } from './app.jsx';
import './styles/app.css';

const root = document.getElementById('app');
root.textContent = '';
render(<App />, root);
